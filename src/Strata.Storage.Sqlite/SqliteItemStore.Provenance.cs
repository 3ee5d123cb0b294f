using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore
{
    private const string ProvenanceColumns = "p.source_id, p.external_id, p.url, p.fingerprint, p.seen_at";

    public async Task<(ItemSummary Item, Provenance Record)?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns}, {ProvenanceColumns} FROM provenance p JOIN items i ON i.rowid = p.item_rowid WHERE p.external_id = $x LIMIT 1").With("$x", externalId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (ItemRows.ReadSummary(reader), ReadProvenance(reader, ItemRows.SummaryWidth)) : null;
    }

    public async Task AddProvenanceAsync(string itemId, Provenance record, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO provenance (item_rowid, external_id, source_id, url, fingerprint, seen_at) SELECT rowid, $x, $s, $u, $f, $t FROM items WHERE id = $id " +
            "ON CONFLICT (item_rowid, external_id) DO UPDATE SET url = COALESCE(excluded.url, provenance.url), fingerprint = COALESCE(excluded.fingerprint, provenance.fingerprint)")
            .With("$id", itemId).With("$x", record.ExternalId).With("$s", record.SourceId).With("$u", record.Url).With("$f", record.Fingerprint)
            .With("$t", SqliteTime.ToText(record.SeenAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Provenance>> ListProvenanceAsync(string itemId, CancellationToken cancellationToken) =>
        (await QueryProvenanceAsync("JOIN items i ON i.rowid = p.item_rowid WHERE i.id = $id", itemId, cancellationToken).ConfigureAwait(false))
            .Select(pair => pair.Record).ToArray();

    public Task<IReadOnlyList<(string ItemId, Provenance Record)>> ListProvenanceBySourceAsync(string sourceId, CancellationToken cancellationToken) =>
        QueryProvenanceAsync("JOIN items i ON i.rowid = p.item_rowid WHERE p.source_id = $id", sourceId, cancellationToken);

    private async Task<IReadOnlyList<(string ItemId, Provenance Record)>> QueryProvenanceAsync(string joinAndWhere, string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT i.id, {ProvenanceColumns} FROM provenance p {joinAndWhere} ORDER BY p.seen_at, p.external_id").With("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<(string, Provenance)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add((reader.GetString(0), ReadProvenance(reader, 1)));
        }

        return records;
    }

    private static Provenance ReadProvenance(SqliteDataReader reader, int offset) => new(
        reader.GetStringOrNull(offset), reader.GetString(offset + 1), reader.GetStringOrNull(offset + 2), reader.GetStringOrNull(offset + 3), SqliteTime.Parse(reader.GetString(offset + 4)));

    public async Task AddVersionAsync(string itemId, SnapshotInfo snapshot, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (rowid, currentHash, merged) = await ReadForMetadataAsync(connection, transaction, itemId, metadata, cancellationToken).ConfigureAwait(false);
        if (rowid is null)
        {
            return;
        }

        await using (var commands = new CompletionCommands(connection, transaction))
        {
            await InsertSnapshotAsync(commands, rowid.Value, snapshot, cancellationToken).ConfigureAwait(false);
        }

        await using (var update = connection.Command(
            "UPDATE items SET content_hash = $h, media_type = $m, byte_size = $s, metadata = $meta, updated_at = $now WHERE rowid = $r", transaction)
            .With("$r", rowid).With("$h", snapshot.Hash).With("$m", snapshot.MediaType).With("$s", snapshot.ByteSize)
            .With("$meta", SourceRecords.WriteMap(merged)).With("$now", Now()))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (currentHash != snapshot.Hash)
        {
            await QueueAsync(connection, transaction, rowid.Value, ItemState.Collected, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SnapshotInfo>> ListSnapshotsAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT s.hash, s.media_type, s.byte_size, s.taken_at, s.origin FROM snapshots s JOIN items i ON i.rowid = s.item_rowid WHERE i.id = $id ORDER BY s.taken_at, s.hash")
            .With("$id", itemId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var snapshots = new List<SnapshotInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            snapshots.Add(new SnapshotInfo(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), SqliteTime.Parse(reader.GetString(3)), reader.GetStringOrNull(4)));
        }

        return snapshots;
    }

    public async Task SetMetadataAsync(string itemId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (rowid, _, merged) = await ReadForMetadataAsync(connection, transaction, itemId, metadata, cancellationToken).ConfigureAwait(false);
        if (rowid is null)
        {
            return;
        }

        await using (var update = connection.Command("UPDATE items SET metadata = $meta, updated_at = $now WHERE rowid = $r", transaction)
            .With("$r", rowid).With("$meta", SourceRecords.WriteMap(merged)).With("$now", Now()))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The item's rowid, current hash, and its metadata with <paramref name="changes"/> applied (an empty value removes a key).</summary>
    private static async Task<(long? Rowid, string? Hash, Dictionary<string, string> Merged)> ReadForMetadataAsync(
        SqliteConnection connection, SqliteTransaction transaction, string itemId, IReadOnlyDictionary<string, string> changes, CancellationToken cancellationToken)
    {
        await using var select = connection.Command("SELECT rowid, content_hash, metadata FROM items WHERE id = $id", transaction).With("$id", itemId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (null, null, []);
        }

        var merged = reader.IsDBNull(2) ? [] : JsonSerializer.Deserialize(reader.GetString(2), RowJson.Default.DictionaryStringString) ?? [];
        foreach (var (key, value) in changes)
        {
            if (value.Length == 0)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        return (reader.GetInt64(0), reader.GetStringOrNull(1), merged);
    }
}
