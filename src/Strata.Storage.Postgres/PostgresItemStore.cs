using Npgsql;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

/// <summary>
/// The store contract on PostgreSQL: items, tags, snapshots, a leased job queue safe for many workers on many
/// machines, and a weighted <c>tsvector</c> keyword index fed with the same analysed tokens as SQLite's FTS5 table.
/// Each write is one transaction. Split by concern across the partial files beside this one. Thread-safe.
/// </summary>
public sealed partial class PostgresItemStore : IKnowledgeStore, IItemStore, IStructureStore, Core.Summaries.ISummaryStore, Core.Digests.IDigestStore, Core.Ledger.ILedgerStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly TimeSpan _leaseDuration;
    private readonly int _searchWindow;

    public PostgresItemStore(PostgresStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SearchWindow, 1);
        _dataSource = NpgsqlDataSource.Create(WithSessionSettings(options.ConnectionString));
        _searchWindow = options.SearchWindow;
        _time = timeProvider ?? TimeProvider.System;
        _leaseDuration = options.LeaseDuration;
        WorkerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    /// <summary>This store's identity as a lease owner: unique per process and instance.</summary>
    public string WorkerId { get; }

    /// <summary>The schema version this build migrates to.</summary>
    public static int SchemaVersion => PostgresSchema.Migrations.Length;

    /// <summary>Which vector path is active; known after <see cref="MigrateAsync"/>.</summary>
    public VectorSearchPath VectorPath { get; private set; }

    /// <summary>The server and database, without credentials (for <c>strata doctor</c>).</summary>
    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Several processes may start at once: one migrates, the others wait and then find nothing to do.
        await using (var lockMigrations = connection.Command("SELECT pg_advisory_xact_lock(@k)", transaction).With("k", PostgresSchema.MigrationLock))
        {
            await lockMigrations.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var table = connection.Command(PostgresSchema.VersionTable, transaction))
        {
            await table.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var version = connection.Command("SELECT COALESCE(max(version), 0) FROM schema_migrations", transaction);
        var current = await version.ExecuteCountAsync(cancellationToken).ConfigureAwait(false);
        if (current > PostgresSchema.Migrations.Length)
        {
            throw new InvalidOperationException(
                $"the database {Describe()} has schema version {current}, newer than this Strata knows ({PostgresSchema.Migrations.Length}); upgrade Strata");
        }

        for (var step = current; step < PostgresSchema.Migrations.Length; step++)
        {
            await using var migrate = connection.Command(PostgresSchema.Migrations[step], transaction);
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var record = connection.Command("INSERT INTO schema_migrations (version) VALUES (@v)", transaction).With("v", step + 1);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        VectorPath = await DetectVectorPathAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PostgreSQL writes its own log durably at commit; there is nothing to fold back.</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync().ConfigureAwait(false);

    /// <summary>
    /// Session settings for this store's connections. JIT off: compiling a plan over 100,000 rows costs tens of
    /// milliseconds, more than the keyword queries it would speed up. No parallel workers: a search that starts two
    /// more processes to rank a few hundred rows is slower for it, and on a server shared by many users the extra
    /// workers take cores other requests need. Options the connection string sets come after, so they win.
    /// </summary>
    private const string SessionSettings = "-c jit=off -c max_parallel_workers_per_gather=0";

    /// <summary>
    /// Statements run this often on one connection are prepared on the server (Npgsql's automatic preparation), so
    /// the worker's dozen statements per item are parsed and planned once per connection instead of every time
    /// (server CPU per ingested note 3.3 -> 1.6 ms with the batched lease check). A command is never reused with its
    /// parameters cleared and re-added: Npgsql then executed the prepared statement with the old values.
    /// </summary>
    private const int AutoPrepareMinUsages = 2;

    private const int MaxAutoPrepare = 64;

    private static string WithSessionSettings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? SessionSettings : $"{SessionSettings} {builder.Options}";
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        return builder.ConnectionString;
    }

    private ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    private string Now() => PostgresTime.ToText(_time.GetUtcNow());

    /// <summary>Whether the server offers pgvector, recorded in <c>settings</c> as <c>vector.path</c> for operators to see.</summary>
    private static async Task<VectorSearchPath> DetectVectorPathAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var probe = connection.Command("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector')");
        var path = (bool)(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!
            ? VectorSearchPath.ExactScanPgvectorAvailable
            : VectorSearchPath.ExactScan;
        await using var record = connection.Command(
            "INSERT INTO settings (key, value) VALUES ('vector.path', @p) ON CONFLICT (key) DO UPDATE SET value = excluded.value").With("p", path.ToString());
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static async Task<IReadOnlyList<ItemTag>> ReadTagsAsync(NpgsqlConnection connection, long rowid, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = connection.Command("SELECT tag, origin, confidence FROM item_tags WHERE item_rowid = @r ORDER BY tag", transaction).With("r", rowid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tags = new List<ItemTag>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tags.Add(new ItemTag(reader.GetString(0), Enum.Parse<TagOrigin>(reader.GetString(1), ignoreCase: true), reader.GetDouble(2)));
        }

        return tags;
    }

    private static async Task WriteTagsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long rowid, IEnumerable<ItemTag> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            // A user's tag outranks any suggestion; a suggestion never overwrites the user's choice.
            await using var upsert = connection.Command(
                "INSERT INTO item_tags (item_rowid, tag, origin, confidence) VALUES (@r, @t, @o, @c) " +
                "ON CONFLICT (item_rowid, tag) DO UPDATE SET origin = excluded.origin, confidence = excluded.confidence " +
                "WHERE excluded.origin = 'user' OR item_tags.origin <> 'user'",
                transaction)
                .With("r", rowid).With("t", ItemTag.Normalize(tag.Name)).With("o", tag.Origin.ToString().ToLowerInvariant()).With("c", tag.Confidence);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
