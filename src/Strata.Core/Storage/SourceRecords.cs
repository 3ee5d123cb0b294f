using System.Data.Common;
using System.Text.Json;
using Strata.Core.Sources;

namespace Strata.Core.Storage;

/// <summary>Reads <c>sources</c> rows the same way on every engine (each store selects the columns its <c>SourceRows</c> lists).</summary>
public static class SourceRecords
{
    public static Source Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Type = Enum.Parse<SourceType>(r.GetString(1), ignoreCase: true),
        Target = r.GetString(2),
        Name = ItemRecords.StringOrNull(r, 3),
        Schedule = SourceSchedule.Deserialize(r.GetString(4)),
        Tags = r.IsDBNull(5) ? [] : JsonSerializer.Deserialize(r.GetString(5), ItemRecordJson.Default.StringArray) ?? [],
        Category = ItemRecords.StringOrNull(r, 6),
        Settings = ReadMap(r, 7),
        Paused = r.GetInt32(8) != 0,
        CreatedAt = StoredTime.Parse(r.GetString(9)),
        NextRunAt = StoredTime.ParseOrNull(ItemRecords.StringOrNull(r, 10)),
        LastRunAt = StoredTime.ParseOrNull(ItemRecords.StringOrNull(r, 11)),
        LastSuccessAt = StoredTime.ParseOrNull(ItemRecords.StringOrNull(r, 12)),
        LastError = ItemRecords.StringOrNull(r, 13),
        ConsecutiveFailures = r.GetInt32(14),
        ItemsCollected = r.GetInt32(15),
        Cursor = ReadMap(r, 16),
    };

    /// <summary>A JSON object column of string values (empty when null).</summary>
    public static Dictionary<string, string> ReadMap(DbDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? [] : JsonSerializer.Deserialize(r.GetString(ordinal), ItemRecordJson.Default.DictionaryStringString) ?? [];

    /// <summary>The JSON form of a string map (null when empty).</summary>
    public static string? WriteMap(IReadOnlyDictionary<string, string> map) =>
        map.Count == 0 ? null : JsonSerializer.Serialize(map.ToDictionary(), ItemRecordJson.Default.DictionaryStringString);
}
