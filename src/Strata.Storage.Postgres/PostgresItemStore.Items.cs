using Npgsql;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore
{
    public async Task<Item?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {ItemRows.FullColumns} FROM items i WHERE i.id = @id").With("id", id);
        Item? item;
        long rowid;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            rowid = reader.GetInt64(0);
            item = ItemRows.ReadItem(reader, []);
        }

        // One connection runs one statement at a time: tags are read after the item's reader is closed.
        return item with { Tags = await ReadTagsAsync(connection, rowid, cancellationToken).ConfigureAwait(false) };
    }

    public async Task<IReadOnlyList<string>> FindIdsByPrefixAsync(string prefix, int max, CancellationToken cancellationToken)
    {
        var key = prefix.Trim().ToUpperInvariant();
        if (key.Length < 6)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT id FROM items WHERE id >= @p AND id < @p || 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ' ORDER BY id LIMIT @max")
            .With("p", key).With("max", max);
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

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"(SELECT {ItemRows.SummaryColumns} FROM items i WHERE i.content_hash = @h LIMIT 1) " +
            $"UNION ALL (SELECT {ItemRows.SummaryColumns} FROM items i JOIN snapshots s ON s.item_rowid = i.rowid WHERE s.hash = @h LIMIT 1) " +
            $"UNION ALL (SELECT {ItemRows.SummaryColumns} FROM items i WHERE i.canonical_url = @u LIMIT 1) LIMIT 1")
            .WithText("h", contentHash).WithText("u", canonicalUrl);
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

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT canonical_url FROM items WHERE canonical_url = ANY(@urls)").With("urls", canonicalUrls.ToArray());
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

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        foreach (var (item, snapshot, provenance) in items)
        {
            await using var insert = connection.Command(ItemRows.InsertSql, transaction).BindItem(item);
            var rowid = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await WriteTagsAsync(connection, transaction, rowid, item.Tags, cancellationToken).ConfigureAwait(false);
            if (snapshot is not null)
            {
                await InsertSnapshotAsync(connection, transaction, rowid, snapshot, cancellationToken).ConfigureAwait(false);
            }

            if (provenance is not null)
            {
                await using var record = connection.Command(
                    "INSERT INTO provenance (item_rowid, external_id, source_id, url, fingerprint, seen_at) VALUES (@r, @x, @s, @u, @f, @t) ON CONFLICT DO NOTHING", transaction)
                    .With("r", rowid).With("x", provenance.ExternalId).WithText("s", provenance.SourceId).WithText("u", provenance.Url)
                    .WithText("f", provenance.Fingerprint).With("t", PostgresTime.ToText(provenance.SeenAt));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var job = connection.Command("INSERT INTO jobs (item_rowid, state, next_attempt_at) VALUES (@r, 'pending', @now)", transaction)
                .With("r", rowid).With("now", now);
            await job.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long rowid, SnapshotInfo snapshot, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "INSERT INTO snapshots (item_rowid, hash, media_type, byte_size, taken_at, origin) VALUES (@r, @h, @m, @s, @t, @o) ON CONFLICT DO NOTHING", transaction)
            .With("r", rowid).With("h", snapshot.Hash).With("m", snapshot.MediaType).With("s", snapshot.ByteSize)
            .With("t", PostgresTime.ToText(snapshot.TakenAt)).WithText("o", snapshot.Origin);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ItemTag>?> UpdateTagsAsync(string id, IReadOnlyList<ItemTag> add, IReadOnlyList<string> remove, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.Command("SELECT rowid, state FROM items WHERE id = @id FOR UPDATE", transaction).With("id", id);
        long rowid;
        ItemState state;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            rowid = reader.GetInt64(0);
            state = (ItemState)reader.GetInt32(1);
        }

        await WriteTagsAsync(connection, transaction, rowid, add, cancellationToken).ConfigureAwait(false);
        foreach (var tag in remove)
        {
            // Removing a tag a rule or model applied teaches the classifier: it is not applied again.
            await using var delete = connection.Command(
                "INSERT INTO tag_suggestions (item_rowid, tag, origin, confidence, state, created_at) " +
                "SELECT item_rowid, tag, origin, confidence, 'rejected', @now FROM item_tags WHERE item_rowid = @r AND tag = @t AND origin NOT IN ('user', 'source') " +
                "ON CONFLICT (item_rowid, tag) DO UPDATE SET state = 'rejected'; " +
                "DELETE FROM item_tags WHERE item_rowid = @r AND tag = @t", transaction).With("now", Now())
                .With("r", rowid).With("t", ItemTag.Normalize(tag));
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.Command(
            "SELECT rowid, content_hash FROM items WHERE id = @id UNION ALL " +
            "SELECT s.item_rowid, s.hash FROM snapshots s JOIN items i ON i.rowid = s.item_rowid WHERE i.id = @id", transaction).With("id", id);
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

        // The index row, tags, jobs and passages go with the item (ON DELETE CASCADE).
        await using (var delete = connection.Command("DELETE FROM items WHERE rowid = @r", transaction).With("r", rowid.Value))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var orphans = new List<string>();
        foreach (var hash in hashes)
        {
            await using var used = connection.Command(
                "SELECT EXISTS (SELECT 1 FROM items WHERE content_hash = @h) OR EXISTS (SELECT 1 FROM snapshots WHERE hash = @h)", transaction).With("h", hash);
            if (!(bool)(await used.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                orphans.Add(hash);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return orphans;
    }
}
