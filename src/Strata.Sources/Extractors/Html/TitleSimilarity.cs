namespace Strata.Sources.Extractors.Html;

/// <summary>Readability's token similarity: the share of <c>b</c>'s text made of tokens also in <c>a</c>.</summary>
internal static class TitleSimilarity
{
    public static double Similarity(string a, string b)
    {
        var tokensA = Tokens(a);
        var tokensB = Tokens(b);
        if (tokensA.Length == 0 || tokensB.Length == 0)
        {
            return 0;
        }

        var known = new HashSet<string>(tokensA, StringComparer.Ordinal);
        var uniqueLength = 0;
        var uniqueCount = 0;
        var totalLength = 0;
        foreach (var token in tokensB)
        {
            totalLength += token.Length;
            if (!known.Contains(token))
            {
                uniqueLength += token.Length;
                uniqueCount++;
            }
        }

        totalLength += tokensB.Length - 1;
        uniqueLength += Math.Max(0, uniqueCount - 1);
        return 1 - ((double)uniqueLength / totalLength);
    }

    private static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return [.. tokens];
    }
}
