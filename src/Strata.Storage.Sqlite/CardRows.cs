using Microsoft.Data.Sqlite;
using Strata.Core.Memory;

namespace Strata.Storage.Sqlite;

/// <summary>The <c>cards</c> columns (read back by <see cref="Strata.Core.Storage.CardRecords"/>) and their bindings.</summary>
internal static class CardRows
{
    public const string Columns =
        "c.id, c.item_id, c.kind, c.origin, c.front, c.back, c.deck, c.passage, c.span_start, c.span_end, c.note, c.suspended, " +
        "c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses, c.created_at, c.updated_at";

    public static SqliteCommand BindFilter(this SqliteCommand command, CardFilter filter) => command
        .With("$tag", filter.Tag?.Trim().ToLowerInvariant()).With("$item", filter.ItemId).With("$due", SqliteTime.ToText(filter.DueBefore));

    public static SqliteCommand BindMemory(this SqliteCommand command, Card card) => command
        .With("$state", (int)card.Memory.State).With("$step", card.Memory.Step).With("$stability", card.Memory.Stability)
        .With("$difficulty", card.Memory.Difficulty).With("$due", SqliteTime.ToText(card.Memory.Due))
        .With("$last", SqliteTime.ToText(card.Memory.LastReview)).With("$reps", card.Reps).With("$lapses", card.Lapses)
        .With("$updated", SqliteTime.ToText(card.UpdatedAt));
}
