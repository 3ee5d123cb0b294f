using System.Text;

namespace Strata.Core.Search;

/// <summary>
/// Copies a window of Markdown text as plain text: drops heading, quote and list markers, emphasis and code
/// marks, link and image URLs and HTML tags; collapses white space; wraps matches in markers.
/// </summary>
internal static class SnippetRenderer
{
    /// <summary>How far ahead a link's closing bracket or an HTML tag's end is looked for.</summary>
    private const int LookAhead = 300;

    public static string Render(string text, int start, int end, List<SnippetMatch> matches, string open, string close)
    {
        var builder = new StringBuilder(end - start + 16);
        var matchIndex = FirstMatchAtOrAfter(matches, start);
        var inMatch = false;
        var pendingSpace = false;
        var lineStart = start == 0 || text[start - 1] == '\n';
        var i = start;
        while (i < end)
        {
            if (inMatch && i >= matches[matchIndex].End)
            {
                builder.Append(close);
                inMatch = false;
                matchIndex++;
            }

            while (!inMatch && matchIndex < matches.Count && matches[matchIndex].Start < i)
            {
                matchIndex++;
            }

            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '|')
            {
                pendingSpace = builder.Length > 0;
                lineStart |= c == '\n';
                i++;
                continue;
            }

            var skipTo = lineStart ? SkipLineMarker(text, i, end) : i;
            lineStart = false;
            if (skipTo == i && !inMatch)
            {
                skipTo = SkipInlineMarkup(text, i, end);
            }

            if (skipTo > i)
            {
                i = skipTo;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (!inMatch && matchIndex < matches.Count && matches[matchIndex].Start == i)
            {
                builder.Append(open);
                inMatch = true;
            }

            builder.Append(c);
            i++;
        }

        if (inMatch)
        {
            builder.Append(close);
        }

        return builder.ToString();
    }

    private static int FirstMatchAtOrAfter(List<SnippetMatch> matches, int start)
    {
        var index = 0;
        while (index < matches.Count && matches[index].Start < start)
        {
            index++;
        }

        return index;
    }

    /// <summary>Skips <c>#</c> headings, <c>&gt;</c> quotes and <c>-</c>, <c>*</c>, <c>+</c> list bullets at a line start.</summary>
    private static int SkipLineMarker(string text, int i, int end)
    {
        var j = i;
        while (j < end && text[j] is '#' or '>')
        {
            j++;
        }

        if (j == i && j + 1 < end && text[j] is '-' or '*' or '+' && text[j + 1] == ' ')
        {
            j++;
        }

        return j;
    }

    /// <summary>Skips emphasis and code marks, link brackets and URLs, image marks and HTML tags.</summary>
    private static int SkipInlineMarkup(string text, int i, int end)
    {
        var c = text[i];
        switch (c)
        {
            case '*' or '`' or '~':
                return i + 1;
            case '_' when i + 1 < text.Length && text[i + 1] == '_':
                return i + 2;
            case '!' when i + 1 < text.Length && text[i + 1] == '[':
                return i + 2;
            case '[' when IsLinkText(text, i + 1):
                return i + 1;
            case ']' when i + 1 < text.Length && text[i + 1] == '(':
                return SkipParenthesised(text, i + 1);
            case '<' when i + 1 < end && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '/'):
                var close = text.IndexOf('>', i + 1, Math.Min(LookAhead, text.Length - i - 1));
                return close > 0 ? close + 1 : i;
            default:
                return i;
        }
    }

    /// <summary>Whether a <c>[</c> before <paramref name="from"/> opens Markdown link text (<c>[text](url)</c>).</summary>
    private static bool IsLinkText(string text, int from)
    {
        var limit = Math.Min(text.Length - 1, from + LookAhead);
        for (var j = from; j < limit; j++)
        {
            switch (text[j])
            {
                case ']':
                    return text[j + 1] == '(';
                case '[' or '\n':
                    return false;
            }
        }

        return false;
    }

    /// <summary>Skips a <c>(url "title")</c> starting at <paramref name="openParen"/>, or just the <c>]</c> when unclosed.</summary>
    private static int SkipParenthesised(string text, int openParen)
    {
        var limit = Math.Min(text.Length, openParen + LookAhead);
        for (var j = openParen + 1; j < limit; j++)
        {
            if (text[j] == ')')
            {
                return j + 1;
            }

            if (text[j] == '\n')
            {
                break;
            }
        }

        return openParen;
    }
}
