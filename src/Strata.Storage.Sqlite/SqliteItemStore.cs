using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite;

/// <summary>
/// <see cref="IItemStore"/> on one SQLite file in WAL mode: items, tags, snapshots, the job queue and the ranked
/// keyword index (and, on a base made before it, FTS5), each write in one transaction. Split by concern across the
/// partial files beside this one.
/// </summary>
public sealed partial class SqliteItemStore : IKnowledgeStore, IItemStore, IStructureStore, Core.Summaries.ISummaryStore, Core.Digests.IDigestStore, Core.Ledger.ILedgerStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;

    public SqliteItemStore(string databasePath, TimeProvider? timeProvider = null)
    {
        _connections = new SqliteConnectionFactory(databasePath);
        _time = timeProvider ?? TimeProvider.System;
    }

    public string DatabasePath => _connections.DatabasePath;

    /// <summary>The schema version this build migrates to (<c>PRAGMA user_version</c>).</summary>
    public static int SchemaVersion => SqliteSchema.Migrations.Length;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.Command("PRAGMA journal_mode = WAL"))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var version = connection.Command("PRAGMA user_version");
        var current = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (current > SqliteSchema.Migrations.Length)
        {
            throw new InvalidOperationException(
                $"the database {DatabasePath} has schema version {current}, newer than this Strata knows ({SqliteSchema.Migrations.Length}); upgrade Strata");
        }

        for (var step = current; step < SqliteSchema.Migrations.Length; step++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var migrate = connection.Command(SqliteSchema.Migrations[step], transaction))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var bump = connection.Command($"PRAGMA user_version = {step + 1}", transaction))
            {
                await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Folds the write-ahead log into the main file and truncates it.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("PRAGMA wal_checkpoint(TRUNCATE)");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _ranked.Dispose();
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private string Now() => SqliteTime.ToText(_time.GetUtcNow());

    private static async Task<IReadOnlyList<ItemTag>> ReadTagsAsync(SqliteConnection connection, long rowid, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.Command("SELECT tag, origin, confidence FROM item_tags WHERE item_rowid = $r ORDER BY tag", transaction).With("$r", rowid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tags = new List<ItemTag>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tags.Add(new ItemTag(reader.GetString(0), Enum.Parse<TagOrigin>(reader.GetString(1), ignoreCase: true), reader.GetDouble(2)));
        }

        return tags;
    }

    private const string UpsertTagSql =
        "INSERT INTO item_tags (item_rowid, tag, origin, confidence) VALUES ($r, $t, $o, $c) " +
        "ON CONFLICT (item_rowid, tag) DO UPDATE SET origin = excluded.origin, confidence = excluded.confidence " +
        "WHERE excluded.origin = 'user' OR item_tags.origin <> 'user'";

    private static async Task WriteTagsAsync(CompletionCommands commands, long rowid, IEnumerable<ItemTag> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            // A user's tag outranks any suggestion; a suggestion never overwrites the user's choice.
            var upsert = commands.Get(UpsertTagSql)
                .With("$r", rowid).With("$t", ItemTag.Normalize(tag.Name)).With("$o", tag.Origin.ToString().ToLowerInvariant()).With("$c", tag.Confidence);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
