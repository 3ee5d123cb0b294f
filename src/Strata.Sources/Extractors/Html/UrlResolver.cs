using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Turns link and image references into absolute, Markdown-safe URLs.</summary>
internal sealed class UrlResolver(Uri? baseUri)
{
    /// <summary>The absolute target of a link, or null for script, empty and in-page links.</summary>
    public string? LinkTarget(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Resolve(href);
    }

    /// <summary>The best source of an image: <c>src</c> unless it is a placeholder, else lazy-loading attributes.</summary>
    public string? ImageSource(IElement image)
    {
        var src = image.GetAttribute("src");
        if (string.IsNullOrWhiteSpace(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            src = image.GetAttribute("data-src") ?? image.GetAttribute("data-original") ?? image.GetAttribute("data-lazy-src")
                ?? FirstSrcset(image.GetAttribute("srcset") ?? image.GetAttribute("data-srcset")) ?? src;
        }

        if (string.IsNullOrWhiteSpace(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var resolved = Resolve(src.Trim());
        return IsWebUrl(resolved) ? resolved : null;
    }

    private static bool IsWebUrl(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || !url.Contains(':', StringComparison.Ordinal);

    /// <summary>Resolves <paramref name="reference"/> against the base URI, escaping characters Markdown would misread.</summary>
    public string Resolve(string reference)
    {
        var absolute = reference;
        if (baseUri is not null && Uri.TryCreate(baseUri, reference, out var resolved))
        {
            absolute = resolved.AbsoluteUri;
        }
        else if (Uri.TryCreate(reference, UriKind.Absolute, out var parsed))
        {
            absolute = parsed.AbsoluteUri;
        }

        return Escape(absolute);
    }

    private static string? FirstSrcset(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return null;
        }

        var first = srcset.Trim().Split(',')[0].Trim();
        var space = first.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? first[..space] : first;
    }

    private static string Escape(string url) =>
        url.AsSpan().IndexOfAny(" ()") < 0
            ? url
            : url.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
}
