using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Npgsql;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore : IChunkStore
{
    private const int FacetValues = 20;

    private const string SourceExpression =
        "COALESCE(i.site_name, CASE WHEN i.url LIKE '%://%' THEN substr(substr(i.url, strpos(i.url, '://') + 3), 1, " +
        "CASE WHEN strpos(substr(i.url, strpos(i.url, '://') + 3), '/') > 0 THEN strpos(substr(i.url, strpos(i.url, '://') + 3), '/') - 1 ELSE 1000 END) END, i.kind)";

    public async Task<IReadOnlyList<ItemText>> ListItemsWithoutChunksAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT i.id, i.title, i.text, i.pages FROM items i WHERE i.state = @indexed AND i.text IS NOT NULL AND i.text <> '' " +
            "AND NOT EXISTS (SELECT 1 FROM chunks c WHERE c.item_rowid = i.rowid) ORDER BY i.rowid LIMIT @max")
            .With("indexed", (int)ItemState.Indexed).With("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<ItemText>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var pages = reader.IsDBNull(3) ? [] : JsonSerializer.Deserialize(reader.GetString(3), RowJson.Default.PageSpanArray) ?? [];
            items.Add(new ItemText(reader.GetString(0), reader.GetStringOrNull(1), reader.GetStringOrNull(2), pages));
        }

        return items;
    }

    public async Task SaveChunksAsync(string itemId, IReadOnlyList<TextChunk> chunks, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.Command("SELECT rowid FROM items WHERE id = @id", transaction).With("id", itemId);
        if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long rowid)
        {
            await WriteChunksAsync(connection, transaction, rowid, chunks, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces an item's passages inside the caller's transaction (the pipeline's batch commit, or a backfill).</summary>
    private static async Task WriteChunksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long rowid, IReadOnlyList<TextChunk> chunks, CancellationToken cancellationToken)
    {
        await using (var delete = connection.Command("DELETE FROM chunks WHERE item_rowid = @r", transaction).With("r", rowid))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (chunks.Count == 0)
        {
            return;
        }

        foreach (var chunk in chunks)
        {
            // A command per row: the store's connections prepare repeated statements, and Npgsql must not see a
            // prepared command's parameters cleared and re-added (it then ran with stale ones).
            await using var insert = connection.Command(
                "INSERT INTO chunks (item_rowid, ordinal, start, length, page, token_count, hash, text) VALUES (@r, @o, @s, @l, @p, @t, @h, @x)", transaction);
            await insert.With("r", rowid).With("o", chunk.Ordinal).With("s", chunk.Start).With("l", chunk.Length).With("p", chunk.Page)
                .With("t", chunk.TokenCount).With("h", chunk.Hash).With("x", chunk.Text).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<TextChunk>> GetChunksAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT c.ordinal, c.start, c.length, c.page, c.token_count, c.hash, c.text FROM chunks c JOIN items i ON i.rowid = c.item_rowid " +
            "WHERE i.id = @id ORDER BY c.ordinal").With("id", itemId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var chunks = new List<TextChunk>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chunks.Add(new TextChunk(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetInt32(4), reader.GetString(5), reader.GetString(6)));
        }

        return chunks;
    }

    public async Task<IReadOnlyList<PendingChunk>> ListChunksToEmbedAsync(string model, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT c.hash, (array_agg(i.title ORDER BY c.item_rowid, c.ordinal))[1], (array_agg(c.text ORDER BY c.item_rowid, c.ordinal))[1] FROM chunks c JOIN items i ON i.rowid = c.item_rowid " +
            "WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.model = @m AND e.hash = c.hash) " +
            "GROUP BY c.hash ORDER BY min(c.item_rowid), min(c.ordinal) LIMIT @max").With("m", model).With("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var pending = new List<PendingChunk>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pending.Add(new PendingChunk(reader.GetString(0), reader.GetStringOrNull(1), reader.GetString(2)));
        }

        return pending;
    }

    public async Task SaveEmbeddingsAsync(string model, IReadOnlyList<(string Hash, float[] Vector)> embeddings, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (hash, vector) in embeddings)
        {
            await using var insert = connection.Command(
                "INSERT INTO embeddings (hash, model, dimensions, vector) VALUES (@h, @m, @d, @v) ON CONFLICT (model, hash) DO UPDATE SET dimensions = excluded.dimensions, vector = excluded.vector", transaction);
            await insert.With("h", hash).With("m", model).With("d", vector.Length).With("v", MemoryMarshal.AsBytes(vector.AsSpan()).ToArray())
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<StoredVector> ReadVectorsAsync(string model, string? itemId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT i.id, c.ordinal, e.vector FROM chunks c JOIN embeddings e ON e.model = @m AND e.hash = c.hash " +
            "JOIN items i ON i.rowid = c.item_rowid WHERE (@id IS NULL OR i.id = @id) ORDER BY c.item_rowid, c.ordinal").With("m", model).WithText("id", itemId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var bytes = (byte[])reader.GetValue(2);
            yield return new StoredVector(reader.GetString(0), reader.GetInt32(1), MemoryMarshal.Cast<byte, float>(bytes).ToArray());
        }
    }

    public async Task<ChunkCounts> CountChunksAsync(string? model, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT (SELECT count(*) FROM items WHERE state = @indexed), (SELECT count(DISTINCT item_rowid) FROM chunks), (SELECT count(*) FROM chunks), " +
            "(SELECT count(*) FROM chunks c WHERE EXISTS (SELECT 1 FROM embeddings e WHERE e.model = @m AND e.hash = c.hash))")
            .With("indexed", (int)ItemState.Indexed).With("m", model ?? string.Empty);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new ChunkCounts(reader.GetInt(0), reader.GetInt(1), reader.GetInt(2), reader.GetInt(3));
    }

    public async Task<IReadOnlySet<string>> FilterItemIdsAsync(ItemFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT i.id FROM items i WHERE {FilterSql.Where(filter, command)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<SearchFacets> CountFacetsAsync(IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0)
        {
            return SearchFacets.Empty;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = itemIds.ToArray();
        const string Selected = "i.id = ANY(@ids)";
        return new SearchFacets(
            await CountAsync(connection, $"SELECT t.tag, count(*) FROM item_tags t JOIN items i ON i.rowid = t.item_rowid WHERE {Selected} GROUP BY t.tag", ids, cancellationToken).ConfigureAwait(false),
            await CountAsync(connection, $"SELECT i.kind, count(*) FROM items i WHERE {Selected} GROUP BY i.kind", ids, cancellationToken).ConfigureAwait(false),
            await CountAsync(connection, $"SELECT {SourceExpression}, count(*) FROM items i WHERE {Selected} GROUP BY 1", ids, cancellationToken).ConfigureAwait(false),
            await CountAsync(connection, $"SELECT i.language, count(*) FROM items i WHERE {Selected} AND i.language IS NOT NULL GROUP BY i.language", ids, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IReadOnlyList<FacetCount>> CountAsync(NpgsqlConnection connection, string sql, string[] ids, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"{sql} ORDER BY 2 DESC, 1 LIMIT {FacetValues}").With("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<FacetCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new FacetCount(reader.GetString(0), reader.GetInt(1)));
        }

        return counts;
    }
}
