using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Strata.Hosting;

namespace Strata.Web.Rendering;

/// <summary>Search snippets carry control-character markers around matches; this encodes the text and turns them into &lt;mark&gt;.</summary>
public static class Snippets
{
    public static MarkupString ToHtml(string snippet)
    {
        var parts = snippet.Split(KnowledgeBase.SnippetOpen);
        var html = new StringBuilder(snippet.Length + 32).Append(WebUtility.HtmlEncode(parts[0]));
        foreach (var part in parts.AsSpan(1))
        {
            // Every part after an opening marker starts with the match, up to its closing marker.
            var close = part.IndexOf(KnowledgeBase.SnippetClose, StringComparison.Ordinal);
            var match = close < 0 ? part : part[..close];
            html.Append("<mark>").Append(WebUtility.HtmlEncode(match)).Append("</mark>");
            html.Append(close < 0 ? string.Empty : WebUtility.HtmlEncode(part[(close + 1)..]));
        }

        return new MarkupString(html.ToString());
    }
}
