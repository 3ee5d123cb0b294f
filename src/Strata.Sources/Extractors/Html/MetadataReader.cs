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
    private static readonly string[] NamePrefixes = ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"];
    private static readonly string[] NameFields = ["author", "creator", "pub-date", "description", "title", "site_name"];

    public static PageMetadata Read(IDocument document, string html, UrlResolver urls)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = MetaValues(document, names);
        var jsonLd = JsonLdArticle.Find(html);
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
            Published = jsonLd?.DatePublished ?? First(values, "article:published_time", "parsely-pub-date") ?? First(names, "dc:date", "dcterms:date", "dc:date:issued", "date", "pubdate", "publishdate", "publish-date", "datepublished", "article:published_time") ?? TimeElement(document),
            Language = LanguageOf(document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang")),
            CanonicalUrl = Canonical(document, values, urls),
            StructuredBody = jsonLd?.Body,
        };
    }

    private static Dictionary<string, string> MetaValues(IDocument document, Dictionary<string, string> names)
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
                var nameKey = NameKey(name);
                names[nameKey] = content;
                if (IsKnownName(nameKey))
                {
                    values[nameKey] = content;
                }
            }
        }

        return values;
    }

    /// <summary>The first known <c>prefix:name</c> pair anywhere in a property attribute (so <c>og:article:author</c> gives <c>article:author</c>).</summary>
    private static string? PropertyKey(string property)
    {
        var lower = property.ToLowerInvariant();
        for (var colon = lower.IndexOf(':', StringComparison.Ordinal); colon > 0; colon = lower.IndexOf(':', colon + 1))
        {
            var start = colon;
            while (start > 0 && char.IsAsciiLetterLower(lower[start - 1]))
            {
                start--;
            }

            var end = colon + 1;
            while (end < lower.Length && (char.IsAsciiLetterLower(lower[end]) || lower[end] == '_'))
            {
                end++;
            }

            var prefix = lower[start..colon];
            var name = lower[(colon + 1)..end];
            if (Array.IndexOf(PropertyPrefixes, prefix) >= 0 && Array.IndexOf(PropertyNames, name) >= 0)
            {
                return prefix + ":" + name;
            }
        }

        return null;
    }

    /// <summary>Readability's meta names: an optional dc/og/twitter/parsely/weibo prefix and a known field.</summary>
    private static bool IsKnownName(string key)
    {
        foreach (var field in NameFields)
        {
            if (key == field)
            {
                return true;
            }

            if (key.Length > field.Length + 1 && key.EndsWith(field, StringComparison.Ordinal)
                && key[^(field.Length + 1)] is ':' or '-'
                && Array.IndexOf(NamePrefixes, key[..^(field.Length + 1)]) >= 0)
            {
                return true;
            }
        }

        return false;
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
        var time = document.QuerySelector("[itemprop=datePublished], time[datetime]");
        return time?.GetAttribute("datetime") ?? time?.GetAttribute("content");
    }

    private static string? Canonical(IDocument document, Dictionary<string, string> values, UrlResolver urls)
    {
        var href = document.Head?.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href") ?? values.GetValueOrDefault("og:url");
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
