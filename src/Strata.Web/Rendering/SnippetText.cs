using System.Net;
using Strata.Hosting;

namespace Strata.Web.Rendering;

/// <summary>Turns the knowledge base's snippet markers into plain text or escaped HTML with <c>&lt;mark&gt;</c>.</summary>
public static class SnippetText
{
    public static string Plain(string snippet) =>
        snippet.Replace(KnowledgeBase.SnippetOpen, string.Empty, StringComparison.Ordinal).Replace(KnowledgeBase.SnippetClose, string.Empty, StringComparison.Ordinal);

    public static string Html(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(KnowledgeBase.SnippetOpen, "<mark>", StringComparison.Ordinal).Replace(KnowledgeBase.SnippetClose, "</mark>", StringComparison.Ordinal);
}
