using Ganss.Xss;
using Markdig;

namespace Strata.Web.Rendering;

/// <summary>
/// Turns an item's extracted Markdown into HTML safe to show inside Strata's origin: Markdig renders it (raw HTML
/// in the Markdown is escaped, not passed through), then HtmlSanitizer keeps only harmless elements, attributes
/// and URL schemes. Links open outside the app and never send a referrer.
/// </summary>
public static class ArticleHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>Sanitises HTML from any source (digests store HTML, for instance).</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.PostProcessNode += (_, args) =>
        {
            if (args.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
                link.SetAttribute("target", "_blank");
            }
            else if (args.Node is AngleSharp.Dom.IElement { LocalName: "img" } image)
            {
                image.SetAttribute("loading", "lazy");
                image.SetAttribute("referrerpolicy", "no-referrer");
            }
        };
        sanitizer.AllowedAttributes.UnionWith(["rel", "target", "loading", "referrerpolicy"]);
        return sanitizer;
    }
}
