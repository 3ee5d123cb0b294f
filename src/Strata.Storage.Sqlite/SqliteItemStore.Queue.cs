using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore
{
    public async Task<int> RecoverInterruptedJobsAsync(CancellationToken cancellationToken)
    {
        await IndexLeftPendingAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE jobs SET state = 'pending' WHERE state = 'running'");
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Item>> ClaimJobsAsync(int max, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rowids = new List<long>();
        await using (var claim = connection.Command(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1 WHERE item_rowid IN " +
            "(SELECT item_rowid FROM jobs WHERE state = 'pending' AND next_attempt_at <= $now ORDER BY item_rowid LIMIT $max) RETURNING item_rowid",
            transaction).With("$now", SqliteTime.ToText(now)).With("$max", max))
        {
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rowids.Add(reader.GetInt64(0));
            }
        }

        // Two queries for the whole batch: the items, then all their tags.
        var ids = "[" + string.Join(',', rowids) + "]";
        var tags = new Dictionary<long, List<ItemTag>>();
        await using (var selectTags = connection.Command(
            "SELECT item_rowid, tag, origin, confidence FROM item_tags WHERE item_rowid IN (SELECT value FROM json_each($ids)) ORDER BY item_rowid, tag", transaction).With("$ids", ids))
        await using (var reader = await selectTags.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var rowid = reader.GetInt64(0);
                if (!tags.TryGetValue(rowid, out var list))
                {
                    tags[rowid] = list = [];
                }

                list.Add(new ItemTag(reader.GetString(1), Enum.Parse<TagOrigin>(reader.GetString(2), ignoreCase: true), reader.GetDouble(3)));
            }
        }

        var items = new List<Item>(rowids.Count);
        await using (var select = connection.Command($"SELECT {ItemRows.FullColumns} FROM items i WHERE i.rowid IN (SELECT value FROM json_each($ids)) ORDER BY i.rowid", transaction).With("$ids", ids))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ItemRows.ReadItem(reader, tags.TryGetValue(reader.GetInt64(0), out var itemTags) ? itemTags : []));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return items;
    }

    public Task CompleteJobsAsync(IReadOnlyList<ProcessedItem> results, CancellationToken cancellationToken) =>
        CompleteJobsAsync(results, IndexWrites.Immediate, cancellationToken);

    public async Task CompleteJobsAsync(IReadOnlyList<ProcessedItem> results, IndexWrites writes, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var cache = connection.Command(SqliteConnectionFactory.WriterCacheSql))
        {
            await cache.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var commands = new CompletionCommands(connection, transaction);
        var fts5 = !await _fts5.IsRetiredAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var indexed = new List<(long Rowid, Core.Search.Ranking.DocumentTerms Terms)>();
        foreach (var result in results)
        {
            if (await CompleteAsync(connection, transaction, commands, result, fts5, cancellationToken).ConfigureAwait(false) is { } rowid && result.Index is not null)
            {
                indexed.Add((rowid, result.IndexTerms ?? Core.Search.Ranking.DocumentTerms.From(result.Index)));
            }
        }

        if (writes == IndexWrites.Deferred)
        {
            await WithPendingSegmentAsync(pending => Ranking.RankedIndexWriter.BufferAsync(connection, transaction, pending, indexed, cancellationToken),
                () => transaction.CommitAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            return;
        }

        await Ranking.RankedIndexWriter.WriteAsync(connection, transaction, indexed, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Persists one item's results (FTS5 too while <paramref name="fts5"/>: a base whose ranked index is not complete
    /// yet); returns its rowid, or null when it was dropped or deleted meanwhile.
    /// </summary>
    private async Task<long?> CompleteAsync(SqliteConnection connection, SqliteTransaction transaction, CompletionCommands commands, ProcessedItem result, bool fts5, CancellationToken cancellationToken)
    {
        var item = result.Item with { UpdatedAt = _time.GetUtcNow() };
        if (result.DuplicateOf is not null)
        {
            // The item it duplicates inherits where this one came from (a feed GUID, an import), so the source
            // recognises the entry next time instead of fetching it again.
            await using var move = connection.Command(
                "UPDATE OR IGNORE provenance SET item_rowid = (SELECT rowid FROM items WHERE id = $existing) WHERE item_rowid = (SELECT rowid FROM items WHERE id = $id)",
                transaction).With("$existing", result.DuplicateOf).With("$id", item.Id);
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var drop = connection.Command(
                ((fts5 ? LegacyFts5.RemoveSql : string.Empty) + Ranking.RankedIndexWriter.RemoveSql).Replace("$r", "(SELECT rowid FROM items WHERE id = $id)", StringComparison.Ordinal) +
                "DELETE FROM items WHERE id = $id", transaction).With("$id", item.Id);
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        // With enrichment, its columns go into the same UPDATE: the row (text and all) is rewritten once, not twice.
        var update = result.Enrichment is null ? commands.Update : BindEnrichment(commands.Get(UpdateWithEnrichmentSql), item, result.Enrichment);
        var found = await update.BindItem(item).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (found is not long rowid)
        {
            return null; // deleted while it was being processed
        }

        await WriteTagsAsync(commands, rowid, item.Tags, cancellationToken).ConfigureAwait(false);
        if (result.Enrichment is not null)
        {
            await WriteEnrichmentAsync(commands, rowid, item, result.Enrichment, cancellationToken).ConfigureAwait(false);
        }

        if (result.Snapshot is not null)
        {
            await InsertSnapshotAsync(commands, rowid, result.Snapshot, cancellationToken).ConfigureAwait(false);
        }

        if (result.Index is not null && fts5)
        {
            commands.Index.Parameters.Clear();
            await commands.Index.With("$r", rowid).With("$title", result.Index.Title).With("$body", result.Index.Body).With("$tags", result.Index.Tags)
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (result.Chunks is not null)
        {
            await WriteChunksAsync(commands, rowid, result.Chunks, cancellationToken).ConfigureAwait(false);
        }

        if (result.Summary is not null)
        {
            await WriteSummaryAsync(commands, rowid, result.Summary, cancellationToken).ConfigureAwait(false);
        }

        var job = item.Error is null ? commands.JobDone : commands.JobFailed;
        job.Parameters.Clear();
        job.With("$r", rowid);
        if (item.Error is not null)
        {
            job.With("$e", item.Error).With("$t", item.ErrorIsTransient ? 1 : 0);
        }

        await job.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return rowid;
    }

    public async Task<int> RequeueFailedAsync(bool includePermanent, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "UPDATE items SET error = NULL, error_transient = 0 WHERE error IS NOT NULL AND ($all = 1 OR error_transient = 1); " +
            "INSERT INTO jobs (item_rowid, state, next_attempt_at) SELECT rowid, 'pending', $now FROM items " +
            "WHERE rowid IN (SELECT item_rowid FROM jobs WHERE state = 'failed' AND ($all = 1 OR transient = 1)) " +
            "ON CONFLICT (item_rowid) DO UPDATE SET state = 'pending', attempts = 0, next_attempt_at = excluded.next_attempt_at, last_error = NULL",
            transaction).With("$all", includePermanent ? 1 : 0).With("$now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var count = connection.Command("SELECT changes()", transaction);
        var requeued = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return requeued;
    }

    public async Task<int> RequeueForReprocessAsync(IReadOnlyList<string>? ids, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rowids = new List<long>();
        var sql = ids is null
            ? "SELECT rowid FROM items WHERE content_hash IS NOT NULL"
            : "SELECT rowid FROM items WHERE content_hash IS NOT NULL AND id IN (SELECT value FROM json_each($ids))";
        await using (var select = connection.Command(sql, transaction).With("$ids", ids is null ? null : System.Text.Json.JsonSerializer.Serialize(ids.ToArray(), StringArrayJson.Default.StringArray)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rowids.Add(reader.GetInt64(0));
            }
        }

        foreach (var rowid in rowids)
        {
            await QueueAsync(connection, transaction, rowid, ItemState.Collected, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rowids.Count;
    }

    public async Task<int> CountPendingJobsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT count(*) FROM jobs WHERE state IN ('pending', 'running')");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Steps an item back to <paramref name="state"/> (never forward) and queues its job.</summary>
    private async Task QueueAsync(SqliteConnection connection, SqliteTransaction transaction, long rowid, ItemState state, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "UPDATE items SET state = min(state, $s), error = NULL, error_transient = 0 WHERE rowid = $r; " +
            "INSERT INTO jobs (item_rowid, state, next_attempt_at) VALUES ($r, 'pending', $now) " +
            "ON CONFLICT (item_rowid) DO UPDATE SET state = 'pending', attempts = 0, next_attempt_at = excluded.next_attempt_at, last_error = NULL",
            transaction).With("$r", rowid).With("$s", (int)state).With("$now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class StringArrayJson : System.Text.Json.Serialization.JsonSerializerContext;
