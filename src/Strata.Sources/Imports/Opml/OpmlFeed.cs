namespace Strata.Sources.Imports.Opml;

/// <summary>One subscription in an OPML file.</summary>
/// <param name="XmlUrl">The feed's absolute http(s) URL.</param>
/// <param name="HtmlUrl">The site's URL, when given.</param>
/// <param name="Title">The outline's title (or text), when given.</param>
/// <param name="Categories">The enclosing folder outlines, outermost first (used as tags; written back as nesting).</param>
public sealed record OpmlFeed(Uri XmlUrl, Uri? HtmlUrl, string? Title, IReadOnlyList<string> Categories);
