using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Strata.Bench;

/// <summary>
/// The baseline: a bare FTS5 table with the default tokenizer holding the corpus's plain text, filled in one
/// transaction, and queried for ranked rowids.
/// </summary>
internal sealed class BareFtsIndex : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private BareFtsIndex(SqliteConnection connection) => _connection = connection;

    /// <summary>Creates the table in <paramref name="databasePath"/> and fills it; the time covers reading and inserting.</summary>
    public static async Task<(BareFtsIndex Index, int Documents, TimeSpan Elapsed)> BuildAsync(string databasePath, string folder, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var stopwatch = Stopwatch.StartNew();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO t (body) VALUES ($b)";
            var body = insert.Parameters.Add("$b", SqliteType.Text);
            foreach (var file in files)
            {
                body.Value = await File.ReadAllTextAsync(file, cancellationToken);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        stopwatch.Stop();
        return (new BareFtsIndex(connection), files.Length, stopwatch.Elapsed);
    }

    /// <summary>Ranked rowids of the top <paramref name="limit"/> matches; returns how many were read.</summary>
    public async Task<int> SearchAsync(string match, int limit, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM t WHERE t MATCH $q ORDER BY rank LIMIT $l";
        command.Parameters.AddWithValue("$q", match);
        command.Parameters.AddWithValue("$l", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
    }
}
