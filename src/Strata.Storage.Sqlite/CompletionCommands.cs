using Microsoft.Data.Sqlite;

namespace Strata.Storage.Sqlite;

/// <summary>
/// The statements one write transaction runs again and again (a batch completion, a batch of new items), each
/// prepared on first use and reused for every item: SQLite compiles each only once, which matters at thousands
/// of items per second. Not thread-safe; lives as long as its transaction.
/// </summary>
internal sealed class CompletionCommands(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private const string IndexSql = "DELETE FROM search_fts WHERE rowid = $r; INSERT INTO search_fts (rowid, title, body, tags) VALUES ($r, $title, $body, $tags)";
    private const string JobDoneSql = "DELETE FROM jobs WHERE item_rowid = $r";
    private const string JobFailedSql = "UPDATE jobs SET state = 'failed', last_error = $e, transient = $t WHERE item_rowid = $r";

    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    public SqliteTransaction Transaction => transaction;

    public SqliteCommand Update => Get(ItemRows.UpdateSql);

    public SqliteCommand Index => Get(IndexSql);

    public SqliteCommand JobDone => Get(JobDoneSql);

    public SqliteCommand JobFailed => Get(JobFailedSql);

    /// <summary>The prepared command for <paramref name="sql"/>, its parameters cleared; the caller must not dispose it.</summary>
    public SqliteCommand Get(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            _prepared[sql] = command = connection.Command(sql, transaction);
        }

        command.Parameters.Clear();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }
    }
}
