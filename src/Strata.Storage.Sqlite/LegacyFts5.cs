using Microsoft.Data.Sqlite;

namespace Strata.Storage.Sqlite;

/// <summary>
/// The FTS5 table <c>search_fts</c>, kept only while a base has no complete ranked keyword index (a base made before
/// it): written beside the ranked index and answering searches the ranked index cannot. Once the ranked index is
/// complete FTS5 is <em>retired</em> in the same transaction (emptied, and the settings key <see cref="StateKey"/> set
/// to <see cref="Retired"/>): from then on nothing writes or reads it, so ingest stops paying for it. Retirement is
/// never undone. One instance per store; thread-safe.
/// </summary>
internal sealed class LegacyFts5
{
    public const string StateKey = "search.fts";

    public const string Retired = "retired";

    private const string RetireSql = $"INSERT INTO search_fts (search_fts) VALUES ('delete-all'); INSERT OR REPLACE INTO settings (key, value) VALUES ('{StateKey}', '{Retired}')";

    /// <summary>Removes rowid <c>$r</c> from FTS5 (append to a statement that binds <c>$r</c>, only while FTS5 is maintained).</summary>
    public const string RemoveSql = "DELETE FROM search_fts WHERE rowid = $r;";

    private volatile bool _retired;

    /// <summary>
    /// Whether FTS5 is retired, as the transaction sees it (read inside the transaction that then writes or reads
    /// FTS5, so a retirement committed by another process is never missed). Once seen, remembered.
    /// </summary>
    public async Task<bool> IsRetiredAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        if (!_retired)
        {
            await using var command = connection.Command("SELECT value FROM settings WHERE key = $k", transaction).With("$k", StateKey);
            _retired = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string == Retired;
        }

        return _retired;
    }

    /// <summary>
    /// Empties FTS5 and records it retired, inside the caller's transaction (the one completing the ranked index); the
    /// next <see cref="IsRetiredAsync"/> sees it once that commits.
    /// </summary>
    public static async Task RetireAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(RetireSql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
