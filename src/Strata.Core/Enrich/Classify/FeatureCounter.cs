using Strata.Core.Search;
using Strata.Core.Text;

namespace Strata.Core.Enrich.Classify;

/// <summary>
/// The classifier's features of a text: Porter stems of words and CJK character bigrams (so Chinese and Japanese
/// need no word segmenter), counted; the title counts twice. Also remembers one surface form per stem so
/// explanations can show words rather than stems.
/// </summary>
public static class FeatureCounter
{
    /// <summary>Only the start of very long texts is read: enough evidence, bounded cost.</summary>
    public const int MaxCharacters = 60_000;

    private const int TitleWeight = 2;

    /// <summary>English function words carry no topic; dropping them keeps explanations about content.</summary>
    private static readonly HashSet<string> StopWords = new(
        ("a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those " +
         "he she they we you i his her their our your my me him them us not no so than then there here what which who whom whose " +
         "when where why how all any each few more most other some such can could will would shall should may might must do does did " +
         "have has had having into over under about after before between through during out up down off again further once also just very").Split(' '),
        StringComparer.Ordinal);

    public static Dictionary<string, int> Count(string? title, string? text, Dictionary<string, string>? surfaces = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(counts, title, TitleWeight, surfaces);
        Add(counts, text is { Length: > MaxCharacters } ? text[..MaxCharacters] : text, 1, surfaces);
        return counts;
    }

    private static void Add(Dictionary<string, int> counts, string? text, int weight, Dictionary<string, string>? surfaces)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Span<char> stem = stackalloc char[PorterStemmer.MaxWordLength];
        foreach (var token in new TextTokenizer(text))
        {
            if (token.IsRunTail || (token.Kind == TextTokenKind.Word && (token.Text.Length < 2 || IsNumber(token.Text) || IsStopWord(token.Text))))
            {
                continue;
            }

            var analysed = SearchTextAnalyzer.Analyse(token, stem);
            var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(analysed, out var count))
            {
                lookup[analysed] = count + weight;
                continue;
            }

            var feature = analysed.ToString();
            counts[feature] = weight;
            if (surfaces is not null && token.Kind == TextTokenKind.Word)
            {
                surfaces.TryAdd(feature, token.Text.ToString());
            }
        }
    }

    private static bool IsStopWord(ReadOnlySpan<char> word) => StopWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var character in word)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return true;
    }
}
