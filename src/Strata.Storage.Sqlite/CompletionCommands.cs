using Microsoft.Data.Sqlite;

namespace Strata.Storage.Sqlite;

/// <summary>
/// The statements a batch completion runs for every item, prepared once per batch: SQLite compiles each only
/// once, which matters at thousands of items per second.
/// </summary>
internal sealed class CompletionCommands(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    public SqliteCommand Update { get; } = connection.Command(ItemRows.UpdateSql, transaction);

    public SqliteCommand Index { get; } = connection.Command(
        "DELETE FROM search_fts WHERE rowid = $r; INSERT INTO search_fts (rowid, title, body, tags) VALUES ($r, $title, $body, $tags)", transaction);

    public SqliteCommand JobDone { get; } = connection.Command("DELETE FROM jobs WHERE item_rowid = $r", transaction);

    public SqliteCommand JobFailed { get; } = connection.Command("UPDATE jobs SET state = 'failed', last_error = $e, transient = $t WHERE item_rowid = $r", transaction);

    public async ValueTask DisposeAsync()
    {
        await Update.DisposeAsync().ConfigureAwait(false);
        await Index.DisposeAsync().ConfigureAwait(false);
        await JobDone.DisposeAsync().ConfigureAwait(false);
        await JobFailed.DisposeAsync().ConfigureAwait(false);
    }
}
