using Microsoft.Data.Sqlite;

namespace Strata.Storage.Sqlite.Blobs;

/// <summary>
/// The hash → (pack, offset, length) table of <see cref="PackBlobStore"/>, in its own SQLite file. Entries are
/// written only after the pack bytes they point at are on disk, so every entry names complete bytes.
/// </summary>
internal sealed class PackIndex(string databasePath)
{
    private const string Schema =
        "CREATE TABLE IF NOT EXISTS blobs (hash TEXT PRIMARY KEY, pack TEXT NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL) WITHOUT ROWID";

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private readonly Lock _createLock = new();
    private volatile bool _created;

    public BlobLocation? Find(string hash)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        using var connection = Open();
        using var command = connection.Command("SELECT pack, offset, length FROM blobs WHERE hash = $h").With("$h", hash);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new BlobLocation(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }

    /// <summary>Records <paramref name="entries"/> in one transaction; with <paramref name="durable"/> the commit is fsynced.</summary>
    public void Add(IReadOnlyList<(string Hash, BlobLocation Location)> entries, bool durable)
    {
        using var connection = Open();
        using (var pragma = connection.Command(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL"))
        {
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.Command("INSERT OR REPLACE INTO blobs (hash, pack, offset, length) VALUES ($h, $p, $o, $l)", transaction);
        var hash = insert.Parameters.Add("$h", SqliteType.Text);
        var pack = insert.Parameters.Add("$p", SqliteType.Text);
        var offset = insert.Parameters.Add("$o", SqliteType.Integer);
        var length = insert.Parameters.Add("$l", SqliteType.Integer);
        foreach (var (key, location) in entries)
        {
            hash.Value = key;
            pack.Value = location.Pack;
            offset.Value = location.Offset;
            length.Value = location.Length;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public bool Remove(string hash)
    {
        if (!File.Exists(databasePath))
        {
            return false;
        }

        using var connection = Open();
        using var command = connection.Command("DELETE FROM blobs WHERE hash = $h").With("$h", hash);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Bytes of every blob listed (dead space left by deletions is not counted).</summary>
    public long TotalBytes()
    {
        if (!File.Exists(databasePath))
        {
            return 0;
        }

        using var connection = Open();
        using var command = connection.Command("SELECT COALESCE(sum(length), 0) FROM blobs");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        if (!_created)
        {
            lock (_createLock)
            {
                using var create = connection.Command("PRAGMA journal_mode = WAL; " + Schema);
                create.ExecuteNonQuery();
                _created = true;
            }
        }

        return connection;
    }
}
