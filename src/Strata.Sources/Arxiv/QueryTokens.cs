using System.Text;

namespace Strata.Sources.Arxiv;

/// <summary>Splits a search string at whitespace, keeping <c>"quoted phrases"</c> (quotes included) whole.</summary>
internal static class QueryTokens
{
    public static List<string> Split(string query)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in query)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                Flush(tokens, current);
            }
            else
            {
                current.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        if (inQuotes)
        {
            current.Append('"');
        }

        Flush(tokens, current);
        return tokens;
    }

    private static void Flush(List<string> tokens, StringBuilder current)
    {
        var token = current.ToString().Trim();
        if (token.Length > 0 && token != "\"\"")
        {
            tokens.Add(token);
        }

        current.Clear();
    }
}
