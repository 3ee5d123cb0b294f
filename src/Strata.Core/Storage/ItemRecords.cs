using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Strata.Core.Extraction;
using Strata.Core.Items;

namespace Strata.Core.Storage;

/// <summary>
/// Reads item rows the same way on every engine: each store selects its columns in the order its <c>ItemRows</c>
/// spells out (only the SQL dialect differs), and these read them back.
/// </summary>
public static class ItemRecords
{
    /// <summary>An item from a row of the store's full column list (rowid first).</summary>
    public static Item ReadItem(DbDataReader r, IReadOnlyList<ItemTag> tags) => new()
    {
        Id = r.GetString(1),
        Kind = Enum.Parse<ItemKind>(r.GetString(2), ignoreCase: true),
        State = (ItemState)r.GetInt32(3),
        Status = Enum.Parse<ItemStatus>(r.GetString(4), ignoreCase: true),
        Favourite = r.GetInt32(5) != 0,
        Url = StringOrNull(r, 6),
        CanonicalUrl = StringOrNull(r, 7),
        SourcePath = StringOrNull(r, 8),
        Title = StringOrNull(r, 9),
        Byline = StringOrNull(r, 10),
        SiteName = StringOrNull(r, 11),
        PublishedAt = StoredTime.ParseOrNull(StringOrNull(r, 12)),
        CollectedAt = StoredTime.Parse(r.GetString(13)),
        UpdatedAt = StoredTime.Parse(r.GetString(14)),
        Language = StringOrNull(r, 15),
        ContentHash = StringOrNull(r, 16),
        MediaType = StringOrNull(r, 17),
        ByteSize = r.GetInt64(18),
        Text = StringOrNull(r, 19),
        Excerpt = StringOrNull(r, 20),
        WordCount = r.GetInt32(21),
        Pages = r.IsDBNull(22) ? [] : JsonSerializer.Deserialize(r.GetString(22), ItemRecordJson.Default.PageSpanArray) ?? [],
        Metadata = r.IsDBNull(23) ? new Dictionary<string, string>() : JsonSerializer.Deserialize(r.GetString(23), ItemRecordJson.Default.DictionaryStringString) ?? [],
        Error = StringOrNull(r, 24),
        ErrorIsTransient = r.GetInt32(25) != 0,
        Category = StringOrNull(r, 26),
        CategoryOrigin = r.IsDBNull(27) ? null : Enum.Parse<TagOrigin>(r.GetString(27), ignoreCase: true),
        CategoryConfidence = r.IsDBNull(28) ? null : r.GetDouble(28),
        Tags = tags,
    };

    /// <summary>A summary from the store's summary column list, starting at <paramref name="offset"/>.</summary>
    public static ItemSummary ReadSummary(DbDataReader r, int offset = 0) => new(
        Id: r.GetString(offset),
        Kind: Enum.Parse<ItemKind>(r.GetString(offset + 1), ignoreCase: true),
        State: (ItemState)r.GetInt32(offset + 2),
        DisplayTitle: DisplayTitle(r.GetString(offset + 3)),
        Url: StringOrNull(r, offset + 4),
        SourcePath: StringOrNull(r, offset + 5),
        SiteName: StringOrNull(r, offset + 6),
        Language: StringOrNull(r, offset + 7),
        CollectedAt: StoredTime.Parse(r.GetString(offset + 8)),
        PublishedAt: StoredTime.ParseOrNull(StringOrNull(r, offset + 9)),
        WordCount: r.GetInt32(offset + 10),
        Tags: r.IsDBNull(offset + 11) ? [] : r.GetString(offset + 11).Split('\u001f'),
        Error: StringOrNull(r, offset + 12),
        Status: Enum.Parse<ItemStatus>(r.GetString(offset + 13), ignoreCase: true),
        Favourite: r.GetInt32(offset + 14) != 0,
        Category: StringOrNull(r, offset + 15));

    /// <summary>The pages column as stored (JSON), or null when there are none.</summary>
    public static string? PagesText(Item item) =>
        item.Pages.Count == 0 ? null : JsonSerializer.Serialize(item.Pages.ToArray(), ItemRecordJson.Default.PageSpanArray);

    /// <summary>The metadata column as stored (JSON), or null when there is none.</summary>
    public static string? MetadataText(Item item) =>
        item.Metadata.Count == 0 ? null : JsonSerializer.Serialize(item.Metadata.ToDictionary(), ItemRecordJson.Default.DictionaryStringString);

    internal static string? StringOrNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static string DisplayTitle(string value) =>
        value.Contains('/', StringComparison.Ordinal) && !value.Contains("://", StringComparison.Ordinal) ? Path.GetFileName(value) : value;
}

[JsonSerializable(typeof(PageSpan[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ItemRecordJson : JsonSerializerContext;
