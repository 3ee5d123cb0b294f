using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Strata.Storage.Sqlite;

/// <summary>Opens pooled connections to one database file with Strata's per-connection settings.</summary>
internal sealed class SqliteConnectionFactory(string databasePath)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private static readonly object Configured = new();

    /// <summary>Native connections already given Strata's settings (pooling reuses them).</summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];

    public string DatabasePath { get; } = databasePath;

    /// <summary>
    /// Page cache of the connection that writes pipeline batches: the 2 MB default thrashed on a batch's writes. Readers
    /// keep the default, since a web server pools dozens of connections and each cache would stay resident.
    /// </summary>
    public const string WriterCacheSql = "PRAGMA cache_size = -32768";

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await EndLeakedTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (_configured.TryGetValue(connection.Handle!, out _))
        {
            return connection; // a pooled connection keeps its settings
        }

        await using var pragma = connection.CreateCommand();
        // WAL (set once by the migration, persistent) with NORMAL sync is durable against process death.
        // A larger auto-checkpoint keeps bulk ingest from stopping every 4 MB to fold the log back.
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _configured.AddOrUpdate(connection.Handle!, Configured);
        return connection;
    }

    /// <summary>
    /// A pooled connection can come back inside a transaction when a rollback failed (the pool does not check);
    /// its next user would then fail to begin one ("cannot start a transaction within a transaction") or, worse,
    /// write into the stale one. Rolling it back here makes every connection handed out start clean.
    /// </summary>
    private static async Task EndLeakedTransactionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0)
        {
            return;
        }

        await using var rollback = connection.CreateCommand();
        rollback.CommandText = "ROLLBACK";
        await rollback.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
