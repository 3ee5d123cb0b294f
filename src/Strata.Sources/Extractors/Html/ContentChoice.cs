using System.Text;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// Chooses between the DOM extraction and a JSON-LD <c>articleBody</c> by agreement: the structured
/// body is used only when the page itself shows (nearly) all of its words, and the DOM result missed
/// much of it. Otherwise the DOM result, with its structure and links, wins.
/// </summary>
internal static class ContentChoice
{
    private const double MinPageAgreement = 0.9;
    private const double MaxDomCoverage = 0.6;
    private const int MinStructuredLength = 500;

    /// <summary>Whether <paramref name="structuredBody"/> is long enough to be worth comparing (and the page text worth keeping).</summary>
    public static bool IsCandidate(string? structuredBody) => structuredBody is { Length: >= MinStructuredLength };

    public static string Choose(string domText, string? structuredBody, string? pageText)
    {
        if (!IsCandidate(structuredBody) || pageText is null)
        {
            return domText;
        }

        var structured = Words(structuredBody!);
        if (structured.Count == 0 || Coverage(structured, Words(domText)) >= MaxDomCoverage)
        {
            return domText;
        }

        return Coverage(structured, Words(pageText)) >= MinPageAgreement ? AsParagraphs(structuredBody!) : domText;
    }

    private static double Coverage(Dictionary<string, int> expected, Dictionary<string, int> actual)
    {
        var total = 0;
        var found = 0;
        foreach (var (word, count) in expected)
        {
            total += count;
            found += Math.Min(count, actual.GetValueOrDefault(word));
        }

        return total == 0 ? 0 : (double)found / total;
    }

    private static string AsParagraphs(string body)
    {
        var paragraphs = new StringBuilder(body.Length);
        foreach (var line in body.Split('\n'))
        {
            var text = TextNormalizer.Collapse(line);
            if (text.Length > 0)
            {
                paragraphs.Append(paragraphs.Length > 0 ? "\n\n" : string.Empty).Append(text);
            }
        }

        return paragraphs.ToString();
    }

    private static Dictionary<string, int> Words(string text)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isCjk = c >= '\u3040' && c <= '\u9FFF';
            if (char.IsLetterOrDigit(c) && !isCjk)
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                Add(words, text[start..i].ToLowerInvariant());
                start = -1;
            }

            if (isCjk)
            {
                Add(words, c.ToString());
            }
        }

        return words;
    }

    private static void Add(Dictionary<string, int> words, string word) => words[word] = words.GetValueOrDefault(word) + 1;
}
