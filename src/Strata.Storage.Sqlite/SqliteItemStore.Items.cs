using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore
{
    public async Task<Item?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, id, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Item?> GetAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {ItemRows.FullColumns} FROM items i WHERE i.id = $id").With("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var tags = await ReadTagsAsync(connection, reader.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return ItemRows.ReadItem(reader, tags);
    }

    public async Task<IReadOnlyList<string>> FindIdsByPrefixAsync(string prefix, int max, CancellationToken cancellationToken)
    {
        var key = prefix.Trim().ToUpperInvariant();
        if (key.Length < 6)
        {
            return [];
        }

        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT id FROM items WHERE id >= $p AND id < $p || 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ' LIMIT $max").With("$p", key).With("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var matches = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            matches.Add(reader.GetString(0));
        }

        return matches.Where(id => id.StartsWith(key, StringComparison.Ordinal)).ToArray();
    }

    public async Task<ItemSummary?> FindDuplicateAsync(string? contentHash, string? canonicalUrl, CancellationToken cancellationToken)
    {
        if (contentHash is null && canonicalUrl is null)
        {
            return null;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns} FROM items i WHERE i.content_hash = $h " +
            $"UNION ALL SELECT {ItemRows.SummaryColumns} FROM items i JOIN snapshots s ON s.item_rowid = i.rowid WHERE s.hash = $h " +
            $"UNION ALL SELECT {ItemRows.SummaryColumns} FROM items i WHERE i.canonical_url = $u LIMIT 1")
            .With("$h", contentHash).With("$u", canonicalUrl);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ItemRows.ReadSummary(reader) : null;
    }

    public async Task<IReadOnlySet<string>> FindKnownCanonicalUrlsAsync(IReadOnlyCollection<string> canonicalUrls, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (canonicalUrls.Count == 0)
        {
            return known;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT canonical_url FROM items WHERE canonical_url IN (SELECT value FROM json_each($urls))")
            .With("$urls", System.Text.Json.JsonSerializer.Serialize(canonicalUrls.ToArray(), StringArrayJson.Default.StringArray));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            known.Add(reader.GetString(0));
        }

        return known;
    }

    public async Task InsertAsync(IReadOnlyList<NewItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var commands = new CompletionCommands(connection, transaction);
        var now = Now();
        foreach (var (item, snapshot, provenance) in items)
        {
            var rowid = (long)(await commands.Get(ItemRows.InsertSql).BindItem(item).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await WriteTagsAsync(commands, rowid, item.Tags, cancellationToken).ConfigureAwait(false);
            if (snapshot is not null)
            {
                await InsertSnapshotAsync(commands, rowid, snapshot, cancellationToken).ConfigureAwait(false);
            }

            if (provenance is not null)
            {
                await commands.Get(InsertProvenanceSql)
                    .With("$r", rowid).With("$x", provenance.ExternalId).With("$s", provenance.SourceId).With("$u", provenance.Url)
                    .With("$f", provenance.Fingerprint).With("$t", SqliteTime.ToText(provenance.SeenAt))
                    .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await commands.Get(InsertJobSql).With("$r", rowid).With("$now", now).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string InsertProvenanceSql =
        "INSERT OR IGNORE INTO provenance (item_rowid, external_id, source_id, url, fingerprint, seen_at) VALUES ($r, $x, $s, $u, $f, $t)";

    private const string InsertJobSql = "INSERT INTO jobs (item_rowid, state, next_attempt_at) VALUES ($r, 'pending', $now)";

    private const string InsertSnapshotSql =
        "INSERT OR IGNORE INTO snapshots (item_rowid, hash, media_type, byte_size, taken_at, origin) VALUES ($r, $h, $m, $s, $t, $o)";

    private static async Task InsertSnapshotAsync(CompletionCommands commands, long rowid, SnapshotInfo snapshot, CancellationToken cancellationToken)
    {
        await commands.Get(InsertSnapshotSql)
            .With("$r", rowid).With("$h", snapshot.Hash).With("$m", snapshot.MediaType).With("$s", snapshot.ByteSize)
            .With("$t", SqliteTime.ToText(snapshot.TakenAt)).With("$o", snapshot.Origin)
            .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ItemTag>?> UpdateTagsAsync(string id, IReadOnlyList<ItemTag> add, IReadOnlyList<string> remove, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.Command("SELECT rowid, state FROM items WHERE id = $id", transaction).With("$id", id);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var rowid = reader.GetInt64(0);
        var state = (ItemState)reader.GetInt32(1);
        await reader.DisposeAsync().ConfigureAwait(false);
        await using (var commands = new CompletionCommands(connection, transaction))
        {
            await WriteTagsAsync(commands, rowid, add, cancellationToken).ConfigureAwait(false);
        }

        foreach (var tag in remove)
        {
            // Removing a tag a rule or model applied teaches the classifier: it is not applied again.
            await using var delete = connection.Command(
                "INSERT INTO tag_suggestions (item_rowid, tag, origin, confidence, state, created_at) " +
                "SELECT item_rowid, tag, origin, confidence, 'rejected', $now FROM item_tags WHERE item_rowid = $r AND tag = $t AND origin NOT IN ('user', 'source') " +
                "ON CONFLICT (item_rowid, tag) DO UPDATE SET state = 'rejected'; " +
                "DELETE FROM item_tags WHERE item_rowid = $r AND tag = $t", transaction).With("$now", Now())
                .With("$r", rowid).With("$t", ItemTag.Normalize(tag));
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (state == ItemState.Indexed)
        {
            // Tags are indexed too: step the item back so the pipeline re-indexes it.
            await QueueAsync(connection, transaction, rowid, ItemState.Extracted, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return await ReadTagsAsync(connection, rowid, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>?> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.Command(
            "SELECT rowid, content_hash FROM items WHERE id = $id UNION ALL " +
            "SELECT s.item_rowid, s.hash FROM snapshots s JOIN items i ON i.rowid = s.item_rowid WHERE i.id = $id", transaction).With("$id", id);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        long? rowid = null;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rowid ??= reader.GetInt64(0);
                if (!reader.IsDBNull(1))
                {
                    hashes.Add(reader.GetString(1));
                }
            }
        }

        if (rowid is null)
        {
            return null;
        }

        var fts5 = !await _fts5.IsRetiredAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using (var delete = connection.Command(
            (fts5 ? LegacyFts5.RemoveSql : string.Empty) + Ranking.RankedIndexWriter.RemoveSql + " DELETE FROM items WHERE rowid = $r", transaction).With("$r", rowid))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var orphans = new List<string>();
        foreach (var hash in hashes)
        {
            await using var used = connection.Command(
                "SELECT EXISTS (SELECT 1 FROM items WHERE content_hash = $h) OR EXISTS (SELECT 1 FROM snapshots WHERE hash = $h)", transaction).With("$h", hash);
            if (Convert.ToInt64(await used.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                orphans.Add(hash);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return orphans;
    }
}
