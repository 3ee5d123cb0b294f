using System.Data.Common;
using Strata.Core.Memory;

namespace Strata.Core.Storage;

/// <summary>Reads <c>cards</c> rows the same way on every engine (each store selects the columns its <c>CardRows</c> lists).</summary>
public static class CardRecords
{
    public static Card Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        ItemId = ItemRecords.StringOrNull(r, 1),
        Kind = Enum.Parse<CardKind>(r.GetString(2)),
        Origin = Enum.Parse<CardOrigin>(r.GetString(3)),
        Front = r.GetString(4),
        Back = r.GetString(5),
        Deck = ItemRecords.StringOrNull(r, 6),
        Passage = ItemRecords.StringOrNull(r, 7),
        SpanStart = r.IsDBNull(8) ? null : r.GetInt32(8),
        SpanEnd = r.IsDBNull(9) ? null : r.GetInt32(9),
        Note = ItemRecords.StringOrNull(r, 10),
        Suspended = r.GetInt32(11) != 0,
        Memory = new CardMemory(
            (CardState)r.GetInt32(12), r.IsDBNull(13) ? null : r.GetInt32(13), r.IsDBNull(14) ? null : r.GetDouble(14), r.IsDBNull(15) ? null : r.GetDouble(15),
            StoredTime.Parse(r.GetString(16)), StoredTime.ParseOrNull(ItemRecords.StringOrNull(r, 17))),
        Reps = r.GetInt32(18),
        Lapses = r.GetInt32(19),
        CreatedAt = StoredTime.Parse(r.GetString(20)),
        UpdatedAt = StoredTime.Parse(r.GetString(21)),
    };
}
