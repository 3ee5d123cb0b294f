using System.Data.Common;
using Npgsql;
using Strata.Core.Memory;

namespace Strata.Storage.Postgres;

/// <summary>Reads and binds <c>cards</c> rows.</summary>
internal static class CardRows
{
    public const string Columns =
        "c.id, c.item_id, c.kind, c.origin, c.front, c.back, c.deck, c.passage, c.span_start, c.span_end, c.note, c.suspended, " +
        "c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses, c.created_at, c.updated_at";

    public static Card Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        ItemId = r.GetStringOrNull(1),
        Kind = Enum.Parse<CardKind>(r.GetString(2)),
        Origin = Enum.Parse<CardOrigin>(r.GetString(3)),
        Front = r.GetString(4),
        Back = r.GetString(5),
        Deck = r.GetStringOrNull(6),
        Passage = r.GetStringOrNull(7),
        SpanStart = r.IsDBNull(8) ? null : r.GetInt32(8),
        SpanEnd = r.IsDBNull(9) ? null : r.GetInt32(9),
        Note = r.GetStringOrNull(10),
        Suspended = r.GetInt32(11) != 0,
        Memory = new CardMemory(
            (CardState)r.GetInt32(12), r.IsDBNull(13) ? null : r.GetInt32(13), r.IsDBNull(14) ? null : r.GetDouble(14), r.IsDBNull(15) ? null : r.GetDouble(15),
            PostgresTime.Parse(r.GetString(16)), PostgresTime.ParseOrNull(r.GetStringOrNull(17))),
        Reps = r.GetInt32(18),
        Lapses = r.GetInt32(19),
        CreatedAt = PostgresTime.Parse(r.GetString(20)),
        UpdatedAt = PostgresTime.Parse(r.GetString(21)),
    };

    public static NpgsqlCommand BindFilter(this NpgsqlCommand command, CardFilter filter) => command
        .With("tag", filter.Tag?.Trim().ToLowerInvariant()).With("item", filter.ItemId).With("due", PostgresTime.ToText(filter.DueBefore));

    public static NpgsqlCommand BindMemory(this NpgsqlCommand command, Card card) => command
        .With("state", (int)card.Memory.State).With("step", card.Memory.Step).With("stability", card.Memory.Stability)
        .With("difficulty", card.Memory.Difficulty).With("due", PostgresTime.ToText(card.Memory.Due))
        .With("last", PostgresTime.ToText(card.Memory.LastReview)).With("reps", card.Reps).With("lapses", card.Lapses)
        .With("updated", PostgresTime.ToText(card.UpdatedAt));
}
