using System.Globalization;
using Npgsql;
using Strata.Core.Memory;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore : ICardStore
{
    public async Task<IReadOnlyList<Card>> InsertCardsAsync(IReadOnlyList<Card> cards, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = new List<Card>(cards.Count);
        foreach (var card in cards)
        {
            // A command per card: a prepared command whose parameters are cleared and re-added ran with stale ones.
            await using var insert = connection.Command(
                "INSERT INTO cards (id, item_id, kind, origin, front, back, deck, passage, span_start, span_end, note, suspended, " +
                "state, step, stability, difficulty, due, last_review, reps, lapses, created_at, updated_at) VALUES (@id, " +
                "(SELECT id FROM items WHERE id = @item), @kind, @origin, @front, @back, @deck, @passage, @start, @end, @note, @suspended, " +
                "@state, @step, @stability, @difficulty, @due, @last, @reps, @lapses, @created, @updated) ON CONFLICT DO NOTHING", transaction);
            insert.With("id", card.Id).With("item", card.ItemId).With("kind", card.Kind.ToString()).With("origin", card.Origin.ToString())
                .With("front", card.Front).With("back", card.Back).With("deck", card.Deck).With("passage", card.Passage)
                .With("start", card.SpanStart).With("end", card.SpanEnd).With("note", card.Note).With("suspended", card.Suspended ? 1 : 0)
                .With("created", PostgresTime.ToText(card.CreatedAt)).BindMemory(card);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
            {
                inserted.Add(card);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    public async Task<IReadOnlyList<Card>> FindCardsAsync(string idOrPrefix, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {CardRows.Columns} FROM cards c WHERE c.id LIKE @p || '%' ORDER BY c.id LIMIT @n")
            .With("p", idOrPrefix.Trim().ToUpperInvariant()).With("n", limit);
        return await ReadCardsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Card>> ListCardsAsync(CardFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {CardRows.Columns} FROM cards c WHERE {Where(filter)} ORDER BY c.due, c.rowid LIMIT @n")
            .BindFilter(filter).With("n", filter.Limit);
        return await ReadCardsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountCardsAsync(CardFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT COUNT(*) FROM cards c WHERE {Where(filter)}").BindFilter(filter);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static string Where(CardFilter filter)
    {
        var conditions = new List<string> { filter.OnlySuspended ? "c.suspended = 1" : filter.IncludeSuspended ? "1 = 1" : "c.suspended = 0" };
        if (filter.Tag is not null)
        {
            conditions.Add("(c.deck = @tag OR c.deck LIKE @tag || '/%' OR EXISTS (SELECT 1 FROM items i JOIN item_tags t ON t.item_rowid = i.rowid " +
                "WHERE i.id = c.item_id AND (t.tag = @tag OR t.tag LIKE @tag || '/%')))");
        }

        if (filter.ItemId is not null)
        {
            conditions.Add("c.item_id = @item");
        }

        if (filter.DueBefore is not null)
        {
            conditions.Add("c.due <= @due");
        }

        return string.Join(" AND ", conditions);
    }

    public async Task<bool> UpdateCardAsync(Card card, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "UPDATE cards SET front = @front, back = @back, deck = @deck, note = @note, suspended = @suspended, updated_at = @updated WHERE id = @id")
            .With("front", card.Front).With("back", card.Back).With("deck", card.Deck).With("note", card.Note)
            .With("suspended", card.Suspended ? 1 : 0).With("updated", PostgresTime.ToText(card.UpdatedAt)).With("id", card.Id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<bool> DeleteCardAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("DELETE FROM cards WHERE id = @id").With("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<bool> RecordReviewAsync(Card graded, DateTimeOffset? expectedLastReview, ReviewLogEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = connection.Command(
            "UPDATE cards SET state = @state, step = @step, stability = @stability, difficulty = @difficulty, due = @due, last_review = @last, " +
            "reps = @reps, lapses = @lapses, updated_at = @updated WHERE id = @id AND last_review IS NOT DISTINCT FROM @expected", transaction))
        {
            update.With("id", graded.Id).WithText("expected", PostgresTime.ToText(expectedLastReview)).BindMemory(graded);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        await using (var log = connection.Command(
            "INSERT INTO review_log (card_id, rating, reviewed_at, state_before, elapsed_days, scheduled_days, stability, difficulty) " +
            "VALUES (@card, @rating, @at, @before, @elapsed, @scheduled, @s, @d)", transaction))
        {
            log.With("card", entry.CardId).With("rating", (int)entry.Rating).With("at", PostgresTime.ToText(entry.ReviewedAt))
                .With("before", (int)entry.StateBefore).With("elapsed", entry.ElapsedDays).With("scheduled", entry.ScheduledDays)
                .With("s", entry.Stability).With("d", entry.Difficulty);
            await log.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<ReviewLogEntry>> ListReviewsAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT r.card_id, r.rating, r.reviewed_at, r.state_before, r.elapsed_days, r.scheduled_days, r.stability, r.difficulty, c.deck " +
            "FROM review_log r JOIN cards c ON c.id = r.card_id WHERE @since IS NULL OR r.reviewed_at >= @since ORDER BY r.reviewed_at, r.rowid")
            .WithText("since", PostgresTime.ToText(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ReviewLogEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReviewLogEntry(
                reader.GetString(0), (ReviewRating)reader.GetInt32(1), PostgresTime.Parse(reader.GetString(2)), (CardState)reader.GetInt32(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetStringOrNull(8)));
        }

        return entries;
    }

    public async Task SaveParametersAsync(FsrsParameters parameters, DateTimeOffset fittedAt, int reviews, double? logLossBefore, double? logLossAfter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO memory_parameters (fitted_at, weights, reviews, log_loss_before, log_loss_after) VALUES (@at, @w, @n, @before, @after)")
            .With("at", PostgresTime.ToText(fittedAt)).With("n", reviews).With("before", logLossBefore).With("after", logLossAfter)
            .With("w", string.Join(',', parameters.Weights.Select(weight => weight.ToString("R", CultureInfo.InvariantCulture))));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<FsrsParameters?> GetParametersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT weights FROM memory_parameters ORDER BY rowid DESC LIMIT 1");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text
            ? new FsrsParameters([.. text.Split(',').Select(weight => double.Parse(weight, CultureInfo.InvariantCulture))])
            : null;
    }

    private static async Task<IReadOnlyList<Card>> ReadCardsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var cards = new List<Card>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cards.Add(CardRecords.Read(reader));
        }

        return cards;
    }
}
