using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Sources.Tests.Extractors.Html;

/// <summary>
/// Bag-of-words overlap as in the extraction benchmarks: lower-cased word tokens, one token per
/// CJK character; recall is the share of expected tokens recovered, precision the share of ours expected.
/// </summary>
internal static partial class TextOverlap
{
    public static (double Recall, double Precision) Score(string expected, string actual)
    {
        var expectedBag = Bag(expected);
        var actualBag = Bag(actual);
        var expectedTotal = expectedBag.Values.Sum();
        var actualTotal = actualBag.Values.Sum();
        if (expectedTotal == 0)
        {
            return (1, actualTotal == 0 ? 1 : 0);
        }

        var common = 0;
        foreach (var (token, count) in expectedBag)
        {
            common += Math.Min(count, actualBag.GetValueOrDefault(token));
        }

        return ((double)common / expectedTotal, actualTotal == 0 ? 0 : (double)common / actualTotal);
    }

    public static double F1(double recall, double precision) =>
        recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);

    /// <summary>The visible text of Markdown: images dropped, link targets removed.</summary>
    public static string VisibleText(string markdown)
    {
        var withoutImages = MarkdownImage().Replace(markdown, " ");
        var withoutTargets = MarkdownLink().Replace(withoutImages, "$1");
        return withoutTargets.Replace("\\[", "[", StringComparison.Ordinal).Replace("\\]", "]", StringComparison.Ordinal);
    }

    public static Dictionary<string, int> Bag(string text)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                Flush(bag, word);
                Add(bag, c.ToString());
            }
            else if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush(bag, word);
            }
        }

        Flush(bag, word);
        return bag;
    }

    private static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uAC00' and <= '\uD7AF');

    private static void Flush(Dictionary<string, int> bag, StringBuilder word)
    {
        if (word.Length > 0)
        {
            Add(bag, word.ToString());
            word.Clear();
        }
    }

    private static void Add(Dictionary<string, int> bag, string token) =>
        bag[token] = bag.GetValueOrDefault(token) + 1;

    [GeneratedRegex(@"!\[(?:\\.|[^\]\\])*\]\([^)\s]*\)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)")]
    private static partial Regex MarkdownLink();
}
