using System.Net;
using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// Reads title, byline, excerpt, site name, date, language and canonical URL from meta tags,
/// OpenGraph, Dublin Core, JSON-LD and the document itself, in Readability's order of trust.
/// </summary>
internal static class MetadataReader
{
    private static readonly string[] PropertyPrefixes = ["article", "dc", "dcterm", "og", "twitter"];
    private static readonly string[] PropertyNames = ["author", "creator", "description", "published_time", "title", "site_name", "url"];

    public static PageMetadata Read(IDocument document, UrlResolver urls)
    {
        var values = MetaValues(document);
        var jsonLd = JsonLdArticle.Find(document);
        var title = JsonLdTitle(jsonLd, document) ?? First(values, "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title");
        title ??= TitleHeuristics.FromDocument(document);
        var articleAuthor = values.GetValueOrDefault("article:author");
        if (articleAuthor is not null && Uri.TryCreate(articleAuthor, UriKind.Absolute, out _))
        {
            articleAuthor = null;
        }

        return new PageMetadata
        {
            Title = Clean(title),
            Byline = Clean(jsonLd?.Byline ?? First(values, "dc:creator", "dcterm:creator", "author", "parsely-author") ?? articleAuthor),
            Excerpt = Clean(jsonLd?.Description ?? First(values, "dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description")),
            SiteName = Clean(jsonLd?.SiteName ?? values.GetValueOrDefault("og:site_name")),
            Published = jsonLd?.DatePublished ?? First(values, "article:published_time", "parsely-pub-date", "dc:date", "dcterm:date", "date", "pubdate", "publish-date") ?? TimeElement(document),
            Language = LanguageOf(document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang")),
            CanonicalUrl = Canonical(document, values, urls),
            StructuredBody = jsonLd?.Body,
        };
    }

    private static Dictionary<string, string> MetaValues(IDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var meta in document.GetElementsByTagName("meta"))
        {
            var content = meta.GetAttribute("content")?.Trim();
            if (string.IsNullOrEmpty(content))
            {
                continue;
            }

            var property = meta.GetAttribute("property");
            if (property is not null && PropertyKey(property) is { } key)
            {
                values[key] = content;
                continue;
            }

            var name = meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (name is not null)
            {
                values[NameKey(name)] = content;
            }
        }

        return values;
    }

    /// <summary>The first <c>prefix:name</c> pair among the space-separated values of a property attribute.</summary>
    private static string? PropertyKey(string property)
    {
        foreach (var part in property.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var prefix = part[..colon].ToLowerInvariant();
            var name = part[(colon + 1)..].ToLowerInvariant();
            if (Array.IndexOf(PropertyPrefixes, prefix) >= 0 && Array.IndexOf(PropertyNames, name) >= 0)
            {
                return prefix + ":" + name;
            }
        }

        return null;
    }

    private static string NameKey(string name) =>
        name.Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace('.', ':');

    private static string? First(Dictionary<string, string> values, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (values.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? JsonLdTitle(JsonLdArticle? jsonLd, IDocument document)
    {
        if (jsonLd is null)
        {
            return null;
        }

        if (jsonLd.Name is not null && jsonLd.Headline is not null && jsonLd.Name != jsonLd.Headline)
        {
            var title = TitleHeuristics.FromDocument(document) ?? string.Empty;
            var nameMatches = TitleSimilarity.Similarity(jsonLd.Name, title) > 0.75;
            var headlineMatches = TitleSimilarity.Similarity(jsonLd.Headline, title) > 0.75;
            return headlineMatches && !nameMatches ? jsonLd.Headline : jsonLd.Name;
        }

        return jsonLd.Name ?? jsonLd.Headline;
    }

    private static string? TimeElement(IDocument document)
    {
        var time = document.QuerySelector("[itemprop=datePublished]") ?? document.QuerySelector("time[datetime]");
        return time?.GetAttribute("datetime") ?? time?.GetAttribute("content");
    }

    private static string? Canonical(IDocument document, Dictionary<string, string> values, UrlResolver urls)
    {
        var href = document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href") ?? values.GetValueOrDefault("og:url");
        return string.IsNullOrWhiteSpace(href) ? null : urls.Resolve(href.Trim());
    }

    private static string? LanguageOf(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            return null;
        }

        var primary = lang.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetter) ? primary : null;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var decoded = value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value;
        var collapsed = TextNormalizer.Collapse(decoded);
        return collapsed.Length == 0 ? null : collapsed;
    }
}
