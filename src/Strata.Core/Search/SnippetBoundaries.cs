namespace Strata.Core.Search;

/// <summary>Chooses where a snippet starts and ends: at sentence ends when close by, else at word boundaries.</summary>
internal static class SnippetBoundaries
{
    /// <summary>Share of the free room placed before the matches when no sentence start is near.</summary>
    private const int LeadDivisor = 4;

    private static readonly char[] WordBreaks = [' ', '\n', '\t'];

    public static int SnapStart(string text, int clusterStart, int clusterEnd, int maxChars)
    {
        if (clusterEnd <= maxChars)
        {
            return 0;
        }

        var slack = Math.Max(0, maxChars - (clusterEnd - clusterStart));
        var limit = Math.Max(0, clusterStart - (slack / 2));
        for (var i = clusterStart - 1; i >= limit; i--)
        {
            if (text[i] == '\n' || IsSentenceEnd(text, i))
            {
                return SkipWhiteSpace(text, i + 1, clusterStart);
            }
        }

        if (limit == 0)
        {
            return 0;
        }

        var start = Math.Max(0, clusterStart - (slack / LeadDivisor));
        var space = text.IndexOfAny(WordBreaks, start, clusterStart - start);
        start = space >= 0 ? SkipWhiteSpace(text, space, clusterStart) : start;
        return char.IsLowSurrogate(text[start]) ? start + 1 : start;
    }

    public static int SnapEnd(string text, int start, int clusterEnd, int maxChars)
    {
        var end = Math.Max(Math.Min(text.Length, start + maxChars), clusterEnd);
        if (end >= text.Length)
        {
            return text.Length;
        }

        var minSentenceEnd = Math.Max(clusterEnd, start + (maxChars * 2 / 3));
        for (var i = end - 1; i >= minSentenceEnd; i--)
        {
            if (IsSentenceEnd(text, i))
            {
                return i + 1;
            }
        }

        var space = text.LastIndexOfAny(WordBreaks, end - 1, end - clusterEnd);
        end = space > clusterEnd ? space : end;
        return char.IsHighSurrogate(text[end - 1]) ? end - 1 : end;
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        var c = text[i];
        if (c is '。' or '！' or '？')
        {
            return true;
        }

        return c is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]));
    }

    private static int SkipWhiteSpace(string text, int i, int limit)
    {
        while (i < limit && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
