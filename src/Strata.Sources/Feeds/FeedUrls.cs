using System.Xml.Linq;

namespace Strata.Sources.Feeds;

/// <summary>Resolves feed links to absolute http(s) URLs, honouring nested <c>xml:base</c>.</summary>
internal static class FeedUrls
{
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    /// <summary>The base URL in effect at <paramref name="element"/>: each ancestor's xml:base applied in turn.</summary>
    public static Uri BaseFor(XElement element, Uri feedUrl)
    {
        var current = feedUrl;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            var declared = ancestor.Attribute(XmlBase)?.Value;
            if (!string.IsNullOrWhiteSpace(declared) && Uri.TryCreate(current, declared.Trim(), out var next))
            {
                current = next;
            }
        }

        return current;
    }

    /// <summary>Resolves <paramref name="href"/> against <paramref name="baseUrl"/>; null unless the result is http(s).</summary>
    public static Uri? Resolve(string? href, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(baseUrl, href.Trim(), out var url))
        {
            return null;
        }

        return IsWeb(url) ? url : null;
    }

    /// <summary>Accepts <paramref name="value"/> only when it already is an absolute http(s) URL.</summary>
    public static Uri? AbsoluteOnly(string? value) =>
        !string.IsNullOrWhiteSpace(value) && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && IsWeb(url) ? url : null;

    private static bool IsWeb(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
