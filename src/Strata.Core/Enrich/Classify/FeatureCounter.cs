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
            if (token.IsRunTail || (token.Kind == TextTokenKind.Word && (token.Text.Length < 2 || IsNumber(token.Text))))
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
