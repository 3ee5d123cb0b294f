namespace Strata.Core.Search;

/// <summary>
/// Builds a short, highlighted excerpt of a document for a search result: the window of the text holding the
/// most distinct query terms (then the most matches), snapped to sentence or word boundaries, with Markdown
/// noise removed and matches wrapped in markers.
/// </summary>
/// <remarks>
/// Matching analyses the text the way the index does (stems, CJK bigrams), so <c>classification</c> is
/// highlighted for the query <c>classified</c>. Pure and thread-safe; never throws for non-null arguments.
/// Without matches the snippet is the start of the text.
/// </remarks>
public static class SnippetBuilder
{
    /// <summary>Snippets shorter than this are not useful; smaller sizes are raised to it.</summary>
    public const int MinChars = 20;

    private const string Ellipsis = "…";

    /// <summary>
    /// The excerpt of <paramref name="text"/> of about <paramref name="maxChars"/> characters (before Markdown
    /// is stripped) best matching <paramref name="query"/>, with "…" where the text was cut and each match
    /// wrapped in <paramref name="open"/> and <paramref name="close"/> (which are not escaped: pass HTML-safe
    /// markers and escape the result yourself when rendering HTML).
    /// </summary>
    public static string Build(string text, SearchQuery query, int maxChars = 200, string open = "[", string close = "]")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(close);
        maxChars = Math.Clamp(maxChars, MinChars, Math.Max(MinChars, text.Length));

        var matcher = SnippetMatcher.Create(query);
        var matches = matcher.FindMatches(text);
        var (clusterStart, clusterEnd) = BestCluster(matches, matcher.TermCount, maxChars);
        var start = SnippetBoundaries.SnapStart(text, clusterStart, clusterEnd, maxChars);
        var end = SnippetBoundaries.SnapEnd(text, start, clusterEnd, maxChars);

        var body = SnippetRenderer.Render(text, start, end, Merge(matches), open, close);
        var prefix = start > 0 ? Ellipsis : string.Empty;
        var suffix = end < text.Length ? Ellipsis : string.Empty;
        return prefix + body + suffix;
    }

    /// <summary>Joins overlapping or touching matches (CJK bigrams overlap) so each highlight is one span.</summary>
    private static List<SnippetMatch> Merge(List<SnippetMatch> matches)
    {
        var merged = new List<SnippetMatch>(matches.Count);
        foreach (var match in matches)
        {
            if (merged.Count > 0 && match.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, match.End) };
            }
            else
            {
                merged.Add(match);
            }
        }

        return merged;
    }

    /// <summary>The span from the first to the last match of the window with the most distinct terms.</summary>
    private static (int Start, int End) BestCluster(List<SnippetMatch> matches, int termCount, int maxChars)
    {
        if (matches.Count == 0)
        {
            return (0, 0);
        }

        var counts = new int[termCount];
        var distinct = 0;
        var left = 0;
        var (bestLeft, bestRight, bestDistinct, bestTotal) = (0, 0, 0, 0);
        for (var right = 0; right < matches.Count; right++)
        {
            if (counts[matches[right].TermId]++ == 0)
            {
                distinct++;
            }

            while (matches[right].End - matches[left].Start > maxChars)
            {
                if (--counts[matches[left].TermId] == 0)
                {
                    distinct--;
                }

                left++;
            }

            var total = right - left + 1;
            if (distinct > bestDistinct || (distinct == bestDistinct && total > bestTotal))
            {
                (bestLeft, bestRight, bestDistinct, bestTotal) = (left, right, distinct, total);
            }
        }

        return (matches[bestLeft].Start, matches[bestRight].End);
    }
}
