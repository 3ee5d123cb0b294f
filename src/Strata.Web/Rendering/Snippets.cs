using Microsoft.AspNetCore.Components;

namespace Strata.Web.Rendering;

/// <summary>Search snippets as markup for Razor pages (matches in &lt;mark&gt;, the rest encoded).</summary>
public static class Snippets
{
    public static MarkupString ToHtml(string snippet) => new(SnippetText.Html(snippet));
}
