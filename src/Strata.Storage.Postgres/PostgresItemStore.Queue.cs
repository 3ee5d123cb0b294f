using Npgsql;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

/// <remarks>
/// The queue is safe for many workers on many machines: a claim takes due jobs with <c>FOR UPDATE SKIP LOCKED</c>
/// (two workers never wait for or take the same rows) and leases them to <see cref="WorkerId"/> until
/// <c>now + lease</c>. A lease that ran out (its worker died or hung) is claimable again, as is a running job
/// without a lease (copied from a SQLite base by <c>strata migrate</c>). Completing a job checks,
/// under a row lock, that the lease is still this worker's: a job another worker reclaimed is never done twice.
/// </remarks>
public sealed partial class PostgresItemStore
{
    /// <summary>Marks jobs whose lease ran out as pending again; leases still running belong to live workers and stay.</summary>
    public async Task<int> RecoverInterruptedJobsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "UPDATE jobs SET state = 'pending', lease_owner = NULL, lease_until = NULL WHERE state = 'running' AND (lease_until IS NULL OR lease_until < @now)").With("now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Item>> ClaimJobsAsync(int max, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rowids = new List<long>();
        var at = PostgresTime.ToText(now);
        await using (var claim = connection.Command(
            "UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, lease_owner = @w, lease_until = @until FROM " +
            "(SELECT item_rowid FROM jobs WHERE (state = 'pending' AND next_attempt_at <= @now) OR (state = 'running' AND (lease_until IS NULL OR lease_until < @now)) " +
            "ORDER BY item_rowid LIMIT @max FOR UPDATE SKIP LOCKED) due WHERE j.item_rowid = due.item_rowid RETURNING j.item_rowid",
            transaction).With("w", WorkerId).With("until", PostgresTime.ToText(now + _leaseDuration)).With("now", at).With("max", max))
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rowids.Add(reader.GetInt64(0));
            }
        }

        rowids.Sort();
        var items = await ReadItemsAsync(connection, transaction, rowids.ToArray(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return items;
    }

    /// <summary>Items by rowid with their tags, in rowid order: two queries for the whole batch.</summary>
    private static async Task<List<Item>> ReadItemsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] rowids, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<long, List<ItemTag>>();
        await using (var selectTags = connection.Command(
            "SELECT item_rowid, tag, origin, confidence FROM item_tags WHERE item_rowid = ANY(@ids) ORDER BY item_rowid, tag", transaction).With("ids", rowids))
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

        var items = new List<Item>(rowids.Length);
        await using (var select = connection.Command($"SELECT {ItemRows.FullColumns} FROM items i WHERE i.rowid = ANY(@ids) ORDER BY i.rowid", transaction).With("ids", rowids))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ItemRows.ReadItem(reader, tags.TryGetValue(reader.GetInt64(0), out var itemTags) ? itemTags : []));
            }
        }

        return items;
    }

    /// <summary>PostgreSQL indexes in the batch's transaction either way (its full-text index has no segments to fill).</summary>
    public Task CompleteJobsAsync(IReadOnlyList<ProcessedItem> results, IndexWrites writes, CancellationToken cancellationToken) =>
        CompleteJobsAsync(results, cancellationToken);

    public Task FlushIndexAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task CompleteJobsAsync(IReadOnlyList<ProcessedItem> results, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var leased = await LockLeasedAsync(connection, transaction, results, cancellationToken).ConfigureAwait(false);
        foreach (var result in results)
        {
            if (leased.Contains(result.Item.Id))
            {
                await CompleteAsync(connection, transaction, result, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The lease check and the job row locks for the whole batch in one statement (locked in rowid order, as every
    /// worker does, so two batches never wait on each other in a cycle): the ids whose jobs are still this worker's.
    /// If another worker reclaimed a job after our lease ran out, its result wins and ours is dropped.
    /// </summary>
    private async Task<HashSet<string>> LockLeasedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ProcessedItem> results, CancellationToken cancellationToken)
    {
        var leased = new HashSet<string>(StringComparer.Ordinal);
        await using var lease = connection.Command(
            "SELECT i.id FROM jobs j JOIN items i ON i.rowid = j.item_rowid WHERE i.id = ANY(@ids) AND j.state = 'running' AND j.lease_owner = @w " +
            "ORDER BY j.item_rowid FOR UPDATE OF j",
            transaction).With("ids", results.Select(result => result.Item.Id).ToArray()).With("w", WorkerId);
        await using var reader = await lease.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leased.Add(reader.GetString(0));
        }

        return leased;
    }

    private async Task CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ProcessedItem result, CancellationToken cancellationToken)
    {
        var item = result.Item with { UpdatedAt = _time.GetUtcNow() };

        if (result.DuplicateOf is not null)
        {
            // The item it duplicates inherits where this one came from (a feed GUID, an import), so the source
            // recognises the entry next time instead of fetching it again.
            await using var move = connection.Command(
                "UPDATE provenance p SET item_rowid = (SELECT rowid FROM items WHERE id = @existing) WHERE p.item_rowid = (SELECT rowid FROM items WHERE id = @id) " +
                "AND NOT EXISTS (SELECT 1 FROM provenance q WHERE q.item_rowid = (SELECT rowid FROM items WHERE id = @existing) AND q.external_id = p.external_id); " +
                "DELETE FROM items WHERE id = @id",
                transaction).With("existing", result.DuplicateOf).With("id", item.Id);
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var update = connection.Command(ItemRows.UpdateSql, transaction).BindItem(item);
        if (await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long rowid)
        {
            return; // deleted while it was being processed
        }

        await WriteTagsAsync(connection, transaction, rowid, item.Tags, cancellationToken).ConfigureAwait(false);
        if (result.Enrichment is not null)
        {
            await WriteEnrichmentAsync(connection, transaction, rowid, item, result.Enrichment, cancellationToken).ConfigureAwait(false);
        }

        if (result.Snapshot is not null)
        {
            await InsertSnapshotAsync(connection, transaction, rowid, result.Snapshot, cancellationToken).ConfigureAwait(false);
        }

        if (result.Index is not null)
        {
            await using var index = connection.Command(
                SearchIndexRows.Upsert,
                transaction).WithSearchDocument(rowid, result.Index);
            await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (result.Chunks is not null)
        {
            await WriteChunksAsync(connection, transaction, rowid, result.Chunks, cancellationToken).ConfigureAwait(false);
        }

        if (result.Summary is not null)
        {
            await WriteSummaryAsync(connection, transaction, rowid, result.Summary, cancellationToken).ConfigureAwait(false);
        }

        await using var job = item.Error is null
            ? connection.Command("DELETE FROM jobs WHERE item_rowid = @r", transaction).With("r", rowid)
            : connection.Command("UPDATE jobs SET state = 'failed', last_error = @e, transient = @t, lease_owner = NULL, lease_until = NULL WHERE item_rowid = @r", transaction)
                .With("r", rowid).With("e", item.Error).With("t", item.ErrorIsTransient ? 1 : 0);
        await job.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RequeueFailedAsync(bool includePermanent, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var clear = connection.Command(
            "UPDATE items SET error = NULL, error_transient = 0 WHERE error IS NOT NULL AND (@all = 1 OR error_transient = 1)", transaction).With("all", includePermanent ? 1 : 0))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = connection.Command(
            "UPDATE jobs SET state = 'pending', attempts = 0, next_attempt_at = @now, last_error = NULL, lease_owner = NULL, lease_until = NULL " +
            "WHERE state = 'failed' AND (@all = 1 OR transient = 1)",
            transaction).With("all", includePermanent ? 1 : 0).With("now", Now());
        var requeued = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return requeued;
    }

    public async Task<int> RequeueForReprocessAsync(IReadOnlyList<string>? ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rowids = new List<long>();
        await using (var select = ids is null
            ? connection.Command("SELECT rowid FROM items WHERE content_hash IS NOT NULL ORDER BY rowid", transaction)
            : connection.Command("SELECT rowid FROM items WHERE content_hash IS NOT NULL AND id = ANY(@ids) ORDER BY rowid", transaction).With("ids", ids.ToArray()))
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT count(*) FROM jobs WHERE state IN ('pending', 'running')");
        return await command.ExecuteCountAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Steps an item back to <paramref name="state"/> (never forward) and queues its job (taking it from any lease).</summary>
    private async Task QueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long rowid, ItemState state, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "UPDATE items SET state = LEAST(state, @s), error = NULL, error_transient = 0 WHERE rowid = @r; " +
            "INSERT INTO jobs (item_rowid, state, next_attempt_at) VALUES (@r, 'pending', @now) " +
            "ON CONFLICT (item_rowid) DO UPDATE SET state = 'pending', attempts = 0, next_attempt_at = excluded.next_attempt_at, last_error = NULL, " +
            "lease_owner = NULL, lease_until = NULL",
            transaction).With("r", rowid).With("s", (int)state).With("now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
