using System.Text.Json;

namespace Strata.Sources.Feeds;

/// <summary>Reads JSON Feed 1.0 and 1.1 (jsonfeed.org), including 1.0's single <c>author</c>.</summary>
internal static class JsonFeedReader
{
    private const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static ParsedFeed Read(string text, Uri feedUrl)
    {
        using var document = Parse(text);
        var root = document.RootElement;
        var version = root.ValueKind == JsonValueKind.Object ? String(root, "version") : null;
        if (version is null || !version.Contains("jsonfeed.org/version/1", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedException("not a feed (JSON without a jsonfeed.org version 1 declaration)");
        }

        var feedAuthors = Authors(root);
        var items = root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => ReadItem(i, feedAuthors, feedUrl)).ToList()
            : [];
        return new ParsedFeed(
            Title: String(root, "title"),
            SiteUrl: FeedUrls.Resolve(String(root, "home_page_url"), feedUrl),
            Description: String(root, "description"),
            Format: FeedFormat.JsonFeed1,
            Entries: items);
    }

    private static JsonDocument Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            throw new FeedException($"malformed JSON feed at line {line}, position {position}: {FirstLine(e.Message)}", e);
        }
    }

    private static FeedEntry ReadItem(JsonElement item, IReadOnlyList<string> feedAuthors, Uri feedUrl)
    {
        var title = String(item, "title");
        var url = FeedUrls.Resolve(String(item, "url"), feedUrl) ?? FeedUrls.Resolve(String(item, "external_url"), feedUrl);
        var summary = String(item, "summary");
        var contentText = String(item, "content_text");
        var authors = Authors(item);

        return new FeedEntry
        {
            Id = Id(item) ?? EntryIds.Stable(url, title, summary ?? contentText),
            Url = url,
            Title = title,
            Authors = authors.Count > 0 ? authors : feedAuthors,
            Published = FeedDates.Parse(String(item, "date_published")),
            Updated = FeedDates.Parse(String(item, "date_modified")),
            Summary = summary,
            ContentHtml = String(item, "content_html") ?? (contentText is null ? null : HtmlText.FromPlainText(contentText)),
            Categories = Strings(item, "tags"),
            EnclosureUrl = FirstAttachment(item, feedUrl),
        };
    }

    /// <summary>JSON Feed says id is a string, but numbers are common in the wild.</summary>
    private static string? Id(JsonElement item) =>
        item.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? XmlValues.Trimmed(id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText())
            : null;

    private static IReadOnlyList<string> Authors(JsonElement parent)
    {
        var authors = parent.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : parent.TryGetProperty("author", out var single) ? [single] : [];
        return authors
            .Where(a => a.ValueKind == JsonValueKind.Object)
            .Select(a => String(a, "name") ?? String(a, "url"))
            .OfType<string>()
            .ToList();
    }

    private static Uri? FirstAttachment(JsonElement item, Uri feedUrl) =>
        item.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object)
                .Select(a => FeedUrls.Resolve(String(a, "url"), feedUrl))
                .FirstOrDefault(u => u is not null)
            : null;

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? XmlValues.Trimmed(value.GetString()) : null;

    private static IReadOnlyList<string> Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Where(v => v.ValueKind == JsonValueKind.String)
                .Select(v => XmlValues.Trimmed(v.GetString()))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList()
            : [];

    private static string FirstLine(string message) => message.ReplaceLineEndings(" ").Split(" LineNumber:")[0].Trim();
}
