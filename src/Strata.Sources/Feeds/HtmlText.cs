using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Sources.Feeds;

/// <summary>Cheap conversions between feed HTML and plain text (no DOM; good enough for lengths and titles).</summary>
internal static partial class HtmlText
{
    /// <summary>The visible text of an HTML fragment, entities decoded, whitespace collapsed.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var withoutCode = ScriptOrStyle().Replace(html, " ");
        var withoutTags = Tag().Replace(withoutCode, " ");
        return Whitespace().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    /// <summary>Plain text as HTML: encoded, blank-line separated paragraphs in &lt;p&gt;, line breaks as &lt;br&gt;.</summary>
    public static string FromPlainText(string text)
    {
        var html = new StringBuilder();
        foreach (var paragraph in BlankLine().Split(text.Trim()))
        {
            var lines = paragraph.Split('\n').Select(line => WebUtility.HtmlEncode(line.TrimEnd('\r')));
            html.Append("<p>").AppendJoin("<br>", lines).Append("</p>");
        }

        return html.ToString();
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\r?\n\s*\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLine();
}
