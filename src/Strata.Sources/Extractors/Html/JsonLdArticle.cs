using System.Text.Json;

namespace Strata.Sources.Extractors.Html;

/// <summary>The first schema.org article described in a page's JSON-LD blocks.</summary>
internal sealed record JsonLdArticle(string? Name, string? Headline, string? Byline, string? Description, string? SiteName, string? DatePublished, string? Body)
{
    private static readonly string[] ArticleTypes =
    [
        "Article", "NewsArticle", "Report", "ScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
        "DiscussionForumPosting", "TechArticle", "APIReference",
    ];

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The first article among the page's <c>application/ld+json</c> scripts, found in the HTML source itself
    /// (the parser skips script text, which nothing else needs).
    /// </summary>
    public static JsonLdArticle? Find(string html)
    {
        foreach (var script in JsonLdScripts.Contents(html))
        {
            var article = Parse(script);
            if (article is not null)
            {
                return article;
            }
        }

        return null;
    }

    private static JsonLdArticle? Parse(string content)
    {
        content = content.Trim();
        if (content.StartsWith("<![CDATA[", StringComparison.Ordinal) && content.EndsWith("]]>", StringComparison.Ordinal))
        {
            content = content[9..^3];
        }

        try
        {
            using var json = JsonDocument.Parse(content, Options);
            var node = FindArticle(json.RootElement, requireContext: true);
            return node is { } article ? Read(article) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? FindArticle(JsonElement element, bool requireContext)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && IsArticle(item) && (!requireContext || IsSchemaOrg(item)))
                {
                    return item;
                }
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Object || (requireContext && !IsSchemaOrg(element)))
        {
            return null;
        }

        if (IsArticle(element))
        {
            return element;
        }

        return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph, requireContext: false) : null;
    }

    private static bool IsSchemaOrg(JsonElement element)
    {
        if (!element.TryGetProperty("@context", out var context))
        {
            return false;
        }

        var value = context.ValueKind switch
        {
            JsonValueKind.String => context.GetString(),
            JsonValueKind.Object => String(context, "@vocab"),
            _ => null,
        };
        return value is not null && value.Contains("schema.org", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && IsArticleType(item.GetString()!))
                {
                    return true;
                }
            }

            return false;
        }

        return type.ValueKind == JsonValueKind.String && IsArticleType(type.GetString()!);
    }

    private static bool IsArticleType(string type)
    {
        foreach (var name in ArticleTypes)
        {
            if (type.Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonLdArticle Read(JsonElement article)
    {
        string? siteName = null;
        if (article.TryGetProperty("publisher", out var publisher) && publisher.ValueKind == JsonValueKind.Object)
        {
            siteName = String(publisher, "name");
        }

        return new JsonLdArticle(String(article, "name"), String(article, "headline"), Authors(article), String(article, "description"), siteName, String(article, "datePublished"), String(article, "articleBody"));
    }

    private static string? Authors(JsonElement article)
    {
        if (!article.TryGetProperty("author", out var author))
        {
            return null;
        }

        if (author.ValueKind == JsonValueKind.Object)
        {
            return String(author, "name");
        }

        if (author.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var item in author.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && String(item, "name") is { } name)
            {
                names.Add(name);
            }
        }

        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? NullIfEmpty(value.GetString()!.Trim())
            : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
