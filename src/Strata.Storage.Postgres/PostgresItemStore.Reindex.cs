using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore
{
    private const int ReindexBatch = 500;

    /// <summary>
    /// Writes the keyword index of every indexed item from its stored title, text and tags, as the index step
    /// would (used after <c>strata migrate</c> copied the rows: SQLite's contentless FTS5 table cannot be read back).
    /// Idempotent. Returns how many items were indexed.
    /// </summary>
    public async Task<int> RebuildSearchIndexAsync(CancellationToken cancellationToken)
    {
        var indexed = 0;
        long after = 0;
        while (true)
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            var batch = new List<(long Rowid, IndexDocument Document)>(ReindexBatch);
            await using (var select = connection.Command(
                "SELECT i.rowid, i.title, i.text, (SELECT string_agg(replace(t.tag, '/', ' '), ' ' ORDER BY t.tag) FROM item_tags t WHERE t.item_rowid = i.rowid) " +
                "FROM items i WHERE i.state = @indexed AND i.rowid > @after ORDER BY i.rowid LIMIT @n")
                .With("indexed", (int)ItemState.Indexed).With("after", after).With("n", ReindexBatch))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    batch.Add((reader.GetInt64(0), new IndexDocument(
                        SearchTextAnalyzer.ToIndexText(reader.GetStringOrNull(1) ?? string.Empty),
                        SearchTextAnalyzer.ToIndexText(reader.GetStringOrNull(2) ?? string.Empty),
                        SearchTextAnalyzer.ToIndexText(reader.GetStringOrNull(3) ?? string.Empty))));
                }
            }

            if (batch.Count == 0)
            {
                return indexed;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (rowid, document) in batch)
            {
                await using var write = connection.Command(
                    SearchIndexRows.Upsert,
                    transaction).WithSearchDocument(rowid, document);
                await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            indexed += batch.Count;
            after = batch[^1].Rowid;
        }
    }

    /// <summary>Moves every identity past the highest rowid copied into its table, so new rows get fresh ids.</summary>
    public async Task ResetIdentitiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT c.table_name FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.column_name = 'rowid' AND c.is_identity = 'YES'");
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            // The table names come from the catalogue, not from input.
            await using var reset = connection.Command(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'rowid'), COALESCE((SELECT max(rowid) FROM {table}), 0) + 1, false)");
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
