using System.Text;

namespace Strata.Core.Text;

/// <summary>
/// Identifies the language of clear cases: by script (Han, kana, Hangul, Cyrillic) and, for Latin script, by the
/// share of common function words of English, French, German and Spanish. Returns null when unsure. Thread-safe.
/// </summary>
public static class LanguageDetector
{
    private const int SampleChars = 4096;
    private const double MinimumScriptShare = 0.3;
    private const int MinimumStopWordHits = 2;

    private static readonly (string Language, HashSet<string> Words)[] Profiles =
    [
        ("en", Set("the of and to in is that for it with as was on be by this are from or an which not have at")),
        ("fr", Set("le la les de des du et est un une que qui dans pour pas sur au aux ce il elle sont avec par plus")),
        ("de", Set("der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es sind wird bei")),
        ("es", Set("el la los las de del y que en un una es por con para no se al lo como más pero sus")),
    ];

    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sample = text.Length > SampleChars ? text[..SampleChars] : text;
        int han = 0, kana = 0, hangul = 0, cyrillic = 0, latin = 0;
        foreach (var rune in sample.EnumerateRunes())
        {
            var value = rune.Value;
            if (CharClasses.IsKana(value))
            {
                kana++;
            }
            else if (CharClasses.IsHangul(value))
            {
                hangul++;
            }
            else if (CharClasses.IsCjk(value))
            {
                han++;
            }
            else if (value is >= 0x0400 and <= 0x04FF)
            {
                cyrillic++;
            }
            else if (Rune.IsLetter(rune) && value < 0x0250)
            {
                latin++;
            }
        }

        var letters = han + kana + hangul + cyrillic + latin;
        if (letters == 0)
        {
            return null;
        }

        // Japanese mixes kanji with kana; a little kana among Han marks Japanese, none marks Chinese.
        if (kana > 0 && (double)(han + kana) / letters >= MinimumScriptShare && kana * 10 >= han)
        {
            return "ja";
        }

        if ((double)hangul / letters >= MinimumScriptShare)
        {
            return "ko";
        }

        if ((double)han / letters >= MinimumScriptShare)
        {
            return "zh";
        }

        if ((double)cyrillic / letters >= MinimumScriptShare * 2)
        {
            return "ru";
        }

        return (double)latin / letters >= MinimumScriptShare * 2 ? DetectLatin(sample) : null;
    }

    private static string? DetectLatin(string sample)
    {
        var counts = new int[Profiles.Length];
        foreach (var word in sample.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            for (var index = 0; index < Profiles.Length; index++)
            {
                if (Profiles[index].Words.Contains(word))
                {
                    counts[index]++;
                }
            }
        }

        var best = Array.IndexOf(counts, counts.Max());
        var runnerUp = counts.Where((_, index) => index != best).Max();
        return counts[best] >= MinimumStopWordHits && counts[best] > runnerUp ? Profiles[best].Language : null;
    }

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', '.', ',', ';', ':', '!', '?', '(', ')', '"', '“', '”', '«', '»', '[', ']', '#', '*', '-', '—', '/'];

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
