using System.Text;

namespace Strata.Core.Text;

/// <summary>
/// A small, fast language guess for clear cases: <c>en</c>, <c>zh</c>, <c>ja</c>, <c>ko</c>, <c>ru</c>, <c>fr</c>,
/// <c>de</c> or <c>es</c>. The script decides first (Han without kana → zh, kana → ja, Hangul → ko,
/// Cyrillic → ru); Latin text is told apart by stop words, and when those are too few (a short sentence, a title) by
/// character trigram profiles. Returns null when the evidence is thin or mixed.
/// </summary>
/// <remarks>Looks at the first <see cref="SampleLength"/> characters only. Pure and thread-safe; never throws.</remarks>
public static class LanguageDetector
{
    /// <summary>How many leading characters are examined.</summary>
    public const int SampleLength = 4096;

    /// <summary>Roughly how many letters of an alphabetic script make one word (a CJK character counts as one).</summary>
    private const int LettersPerWord = 4;

    /// <summary>Fewest CJK characters, or words of an alphabet, needed to decide anything.</summary>
    private const int MinEvidence = 2;

    /// <summary>Japanese when at least one CJK character in this many is kana.</summary>
    private const int KanaShareDivisor = 10;

    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sample = text.AsSpan(0, Math.Min(text.Length, SampleLength));
        if (sample.Length > 0 && char.IsHighSurrogate(sample[^1]))
        {
            sample = sample[..^1];
        }

        var counts = CountScripts(sample);
        var cjk = counts.Han + counts.Kana + counts.Hangul;
        var cyrillicWords = counts.Cyrillic / LettersPerWord;
        var latinWords = counts.Latin / LettersPerWord;
        var otherWords = counts.Other / LettersPerWord;
        var total = cjk + cyrillicWords + latinWords + otherWords;
        if (total < MinEvidence)
        {
            return null;
        }

        if (cjk * 2 >= total && cjk >= MinEvidence)
        {
            if (counts.Kana * KanaShareDivisor >= cjk)
            {
                return "ja";
            }

            return counts.Hangul > counts.Han ? "ko" : "zh";
        }

        if (cyrillicWords * 2 > total && cyrillicWords >= MinEvidence)
        {
            return "ru";
        }

        return latinWords * 2 > total ? LatinStopWords.Detect(sample) ?? LatinTrigrams.Detect(sample) : null;
    }

    private static ScriptCounts CountScripts(ReadOnlySpan<char> sample)
    {
        var counts = default(ScriptCounts);
        foreach (var rune in sample.EnumerateRunes())
        {
            var cp = rune.Value;
            if (cp < 128)
            {
                counts.Latin += char.IsAsciiLetter((char)cp) ? 1 : 0;
            }
            else if (CharClasses.IsCjk(cp))
            {
                if (CharClasses.IsKana(cp))
                {
                    counts.Kana++;
                }
                else if (CharClasses.IsHangul(cp))
                {
                    counts.Hangul++;
                }
                else
                {
                    counts.Han++;
                }
            }
            else if (Rune.IsLetter(rune))
            {
                if (cp is >= 0x400 and <= 0x52F)
                {
                    counts.Cyrillic++;
                }
                else if (cp < 0x250 || cp is >= 0x1E00 and <= 0x1EFF)
                {
                    counts.Latin++;
                }
                else
                {
                    counts.Other++;
                }
            }
        }

        return counts;
    }

    private struct ScriptCounts
    {
        public int Han;
        public int Kana;
        public int Hangul;
        public int Cyrillic;
        public int Latin;
        public int Other;
    }
}
