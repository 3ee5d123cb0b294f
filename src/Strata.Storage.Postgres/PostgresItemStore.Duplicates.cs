using System.Diagnostics;
using Npgsql;
using Strata.Core.Enrich;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore
{
    /// <summary>The advisory lock that serialises near-duplicate folding across workers.</summary>
    private const long FoldLock = 0x5354_5241_4644; // "STRAFD"

    public async Task<int> FoldNearDuplicatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // One fold at a time: workers finishing together would otherwise update the same rows in crossing orders and
        // wait on each other's locks until a command timed out (seen with 4 worker processes at 30,000 items). The
        // next one waits, without a timeout, and then finds only what the first left.
        await using (var serialize = connection.Command("SELECT pg_advisory_xact_lock(@k)", transaction).With("k", FoldLock))
        {
            serialize.CommandTimeout = 0;
            await serialize.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var pending = new List<(long RowId, ulong SimHash, bool Unfolded)>();
        await using (var select = connection.Command(
            "SELECT rowid, simhash, dup_unfolded FROM items WHERE dup_checked = 0 AND simhash IS NOT NULL ORDER BY rowid", transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                pending.Add((reader.GetInt64(0), unchecked((ulong)reader.GetInt64(1)), reader.GetInt64(2) != 0));
            }
        }

        var folded = 0;
        await using var candidates = connection.Command(
            "SELECT DISTINCT i.rowid, i.simhash, i.duplicate_of FROM simhash_bands b JOIN items i ON i.rowid = b.item_rowid " +
            "WHERE ((b.band = 0 AND b.value = @v0) OR (b.band = 1 AND b.value = @v1) OR (b.band = 2 AND b.value = @v2) OR (b.band = 3 AND b.value = @v3)) " +
            "AND b.item_rowid < @r AND i.simhash IS NOT NULL ORDER BY i.rowid", transaction)
            .With("v0", 0L).With("v1", 0L).With("v2", 0L).With("v3", 0L).With("r", 0L);
        await using var update = connection.Command(
            "UPDATE items SET duplicate_of = @d, dup_checked = 1 WHERE rowid = @r; UPDATE items SET duplicate_of = @d WHERE duplicate_of = @r AND @d IS NOT NULL", transaction)
            .With("r", 0L);
        // Typed: "@d IS NOT NULL" alone does not tell the server what a NULL @d is.
        update.Parameters.Add(new NpgsqlParameter("d", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = DBNull.Value });
        foreach (var (rowid, simhash, unfolded) in pending)
        {
            long? representative = null;
            if (!unfolded)
            {
                for (var band = 0; band < SimHashBands.Count; band++)
                {
                    candidates.Parameters[$"@v{band}"].Value = SimHashBands.Value(simhash, band);
                }

                candidates.Parameters["r"].Value = rowid;
                representative = await ClosestAsync(candidates, simhash, cancellationToken).ConfigureAwait(false);
            }

            update.Parameters["d"].Value = representative is { } value ? value : DBNull.Value;
            update.Parameters["r"].Value = rowid;
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            folded += representative is null ? 0 : 1;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return folded;
    }

    /// <summary>The representative of the closest candidate within the distance (the oldest on ties), or null.</summary>
    private static async Task<long?> ClosestAsync(NpgsqlCommand candidates, ulong simhash, CancellationToken cancellationToken)
    {
        long? best = null;
        var bestDistance = int.MaxValue;
        await using var reader = await candidates.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var distance = SimHash.Distance(simhash, unchecked((ulong)reader.GetInt64(1)));
            if (distance <= SimHash.MaxDistance && distance < bestDistance)
            {
                bestDistance = distance;
                best = reader.IsDBNull(2) ? reader.GetInt64(0) : reader.GetInt64(2);
            }
        }

        return best;
    }

    public async Task<DuplicateRebuild> RebuildNearDuplicatesAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var fingerprints = new List<(long Id, ulong SimHash)>();
        await using (var select = connection.Command("SELECT rowid, simhash FROM items WHERE simhash IS NOT NULL AND dup_unfolded = 0 ORDER BY rowid"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                fingerprints.Add((reader.GetInt64(0), unchecked((ulong)reader.GetInt64(1))));
            }
        }

        var representatives = NearDuplicateClustering.Cluster(fingerprints);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var reset = connection.Command(
            "UPDATE items SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL; UPDATE items SET dup_checked = 1 WHERE dup_checked = 0 AND simhash IS NOT NULL", transaction))
        {
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var fold = connection.Command("UPDATE items SET duplicate_of = @d WHERE rowid = @r", transaction).With("d", 0L).With("r", 0L);
        foreach (var (member, representative) in representatives)
        {
            fold.Parameters["d"].Value = representative;
            fold.Parameters["r"].Value = member;
            await fold.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var clusters = representatives.Values.Distinct().Count();
        return new DuplicateRebuild(fingerprints.Count, clusters, representatives.Count, stopwatch.Elapsed);
    }

    public async Task<IReadOnlyList<DuplicateCluster>> ListDuplicateClustersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var representatives = new Dictionary<long, (Core.Storage.ItemSummary Item, ulong SimHash)>();
        await using (var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns}, i.rowid, i.simhash FROM items i WHERE i.rowid IN (SELECT duplicate_of FROM items WHERE duplicate_of IS NOT NULL) ORDER BY i.rowid"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                representatives[reader.GetInt64(ItemRows.SummaryWidth)] = (ItemRows.ReadSummary(reader), reader.IsDBNull(ItemRows.SummaryWidth + 1) ? 0 : unchecked((ulong)reader.GetInt64(ItemRows.SummaryWidth + 1)));
            }
        }

        var members = new Dictionary<long, List<DuplicateMember>>();
        await using (var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns}, i.duplicate_of, i.simhash FROM items i WHERE i.duplicate_of IS NOT NULL ORDER BY i.duplicate_of, i.rowid"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var representative = reader.GetInt64(ItemRows.SummaryWidth);
                if (!representatives.TryGetValue(representative, out var head))
                {
                    continue;
                }

                var simhash = reader.IsDBNull(ItemRows.SummaryWidth + 1) ? head.SimHash : unchecked((ulong)reader.GetInt64(ItemRows.SummaryWidth + 1));
                if (!members.TryGetValue(representative, out var list))
                {
                    members[representative] = list = [];
                }

                list.Add(new DuplicateMember(ItemRows.ReadSummary(reader), SimHash.Distance(head.SimHash, simhash)));
            }
        }

        return representatives.Where(pair => members.ContainsKey(pair.Key))
            .Select(pair => new DuplicateCluster(pair.Value.Item, members[pair.Key])).ToArray();
    }

    public async Task<bool> UnfoldAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "UPDATE items SET duplicate_of = NULL, dup_unfolded = 1, dup_checked = 1 WHERE id = @id AND duplicate_of IS NOT NULL").With("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
