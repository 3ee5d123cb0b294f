using System.Text.Json;
using Strata.Sources.Imports.Json;

namespace Strata.Sources.Imports.Karakeep;

/// <summary>
/// Reads Karakeep's (formerly Hoarder's) JSON export, <c>{ "bookmarks": [ ... ] }</c>. Link bookmarks are read;
/// text and asset bookmarks have no URL and are skipped with a warning each.
/// </summary>
internal static class KarakeepReader
{
    private const string FormatName = "Karakeep";

    /// <summary>Finds the <c>bookmarks</c> array now; throws <see cref="ImportException"/> when there is none.</summary>
    public static IEnumerable<ImportedBookmark> Read(Stream stream, IList<string> warnings) =>
        JsonBookmarks.MapEach(JsonArrayStream.OpenProperty(stream, "bookmarks", FormatName), "bookmark", warnings, Map);

    private static ImportedBookmark? Map(JsonElement item, out string? problem)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem = $"not an object but {item.ValueKind}";
            return null;
        }

        var content = item.TryGetProperty("content", out var value) ? value : default;
        var type = JsonFields.Text(content, "type") ?? "link";
        if (!type.Equals("link", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"{type} bookmark without a URL skipped" + Describe(JsonFields.Text(item, "title"));
            return null;
        }

        var url = BookmarkUrl.Parse(JsonFields.Text(content, "url"), out problem);
        if (url is null)
        {
            return null;
        }

        var tags = new TagList();
        JsonFields.AddNames(tags, item, "tags");
        return new ImportedBookmark(
            url,
            JsonFields.Text(item, "title") ?? JsonFields.Text(content, "title"),
            tags.ToList(),
            JsonFields.Date(item, "createdAt"),
            JsonFields.Text(item, "note"),
            JsonFields.Text(content, "description"),
            JsonFields.Flag(item, "archived"),
            JsonFields.Flag(item, "favourited"));
    }

    private static string Describe(string? title) => title is null ? string.Empty : $": {BookmarkUrl.Quote(title)}";
}
