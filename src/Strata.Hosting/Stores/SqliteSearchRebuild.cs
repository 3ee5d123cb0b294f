using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Search;

namespace Strata.Hosting.Stores;

/// <summary>
/// Writes a SQLite base's keyword index (the contentless FTS5 table <c>search_fts</c>) for every indexed item, from
/// its stored title, text and tags, as the index step would: a migrated base's index cannot be copied, only rebuilt.
/// </summary>
internal static class SqliteSearchRebuild
{
    public static async Task<int> RunAsync(string databasePath, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long Rowid, string Title, string Body, string Tags)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText =
                "SELECT i.rowid, i.title, i.text, (SELECT group_concat(t, ' ') FROM (SELECT replace(tag, '/', ' ') AS t FROM item_tags WHERE item_rowid = i.rowid ORDER BY tag)) " +
                "FROM items i WHERE i.state = $indexed ORDER BY i.rowid";
            select.Parameters.AddWithValue("$indexed", (int)ItemState.Indexed);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0),
                    SearchTextAnalyzer.ToIndexText(reader.IsDBNull(1) ? string.Empty : reader.GetString(1)),
                    SearchTextAnalyzer.ToIndexText(reader.IsDBNull(2) ? string.Empty : reader.GetString(2)),
                    SearchTextAnalyzer.ToIndexText(reader.IsDBNull(3) ? string.Empty : reader.GetString(3))));
            }
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "DELETE FROM search_fts WHERE rowid = $r; INSERT INTO search_fts (rowid, title, body, tags) VALUES ($r, $title, $body, $tags)";
        foreach (var (rowid, title, body, tags) in rows)
        {
            write.Parameters.Clear();
            write.Parameters.AddWithValue("$r", rowid);
            write.Parameters.AddWithValue("$title", title);
            write.Parameters.AddWithValue("$body", body);
            write.Parameters.AddWithValue("$tags", tags);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }
}
