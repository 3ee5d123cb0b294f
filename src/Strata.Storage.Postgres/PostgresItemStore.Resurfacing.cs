using Strata.Core.Digests;
using Strata.Core.Items;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore : IResurfacingStore
{
    public async Task<bool> MarkOpenedAsync(string itemId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE items SET opened_at = @at WHERE id = @id").With("at", PostgresTime.ToText(at)).With("id", itemId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<DigestCandidate>> ListResurfaceCandidatesAsync(
        DateTimeOffset collectedBefore, DateTimeOffset notOpenedSince, int recentDigests, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns}, i.category, COALESCE({BestSummary}, i.excerpt) FROM items i " +
            "WHERE i.state = @indexed AND i.collected_at < @before AND (i.opened_at IS NULL OR i.opened_at < @opened) AND i.status <> 'archived' " +
            "AND i.id NOT IN (SELECT d.item_id FROM digest_items d WHERE d.digest_rowid IN (SELECT rowid FROM digests ORDER BY created_at DESC LIMIT @recent)) " +
            "ORDER BY i.favourite DESC, i.collected_at, i.rowid LIMIT @limit")
            .With("indexed", (int)ItemState.Indexed).With("before", PostgresTime.ToText(collectedBefore)).With("opened", PostgresTime.ToText(notOpenedSince))
            .With("recent", recentDigests).With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var candidates = new List<DigestCandidate>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            candidates.Add(new DigestCandidate(ItemRows.ReadSummary(reader), reader.GetStringOrNull(ItemRows.SummaryWidth), reader.GetStringOrNull(ItemRows.SummaryWidth + 1)));
        }

        return candidates;
    }
}
