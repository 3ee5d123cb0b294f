using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.Core;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore
{
    private static readonly string Bm25 = string.Create(CultureInfo.InvariantCulture, $"bm25(search_fts, {Constants.TitleWeight:0.0}, 1.0, {Constants.TagWeight:0.0})");

    /// <summary>Keeps folded near-duplicates out of the FTS ranking itself (the partial index makes the set cheap).</summary>
    private const string FoldedRowsExcluded = "AND rowid NOT IN (SELECT rowid FROM items WHERE duplicate_of IS NOT NULL)";

    public async Task<IReadOnlyList<ItemSummary>> ListAsync(ItemFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ItemRows.SummaryColumns} FROM items i WHERE {FilterSql.Where(filter, command)} " +
            $"ORDER BY {FilterSql.OrderBy(filter.Order)} LIMIT $limit OFFSET $offset";
        command.With("$limit", filter.Limit).With("$offset", filter.Offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<ItemSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(ItemRows.ReadSummary(reader));
        }

        return items;
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (await RankedSearchAsync(connection, request, cancellationToken).ConfigureAwait(false) is { } ranked)
        {
            return ranked;
        }

        // One snapshot for the check that FTS5 is still kept and the queries that read it.
        await using var snapshot = connection.BeginTransaction(deferred: true);
        if (request.MatchExpression is not null)
        {
            await EnsureFts5AnswersAsync(connection, snapshot, request.MatchExpression, cancellationToken).ConfigureAwait(false);
        }

        if (request.MatchExpression is not null && IsFiltered(connection, request.Filter))
        {
            // Filters keep BM25 order, so the filtered top k is the filtered part of the unfiltered top n whenever
            // that part holds k rows; ranking inside FTS5 first spares joining every match with items.
            var window = (request.Filter.Offset + request.Filter.Limit) * FilterWindowFactor;
            var hits = await QueryAsync(connection, snapshot, request, window, cancellationToken).ConfigureAwait(false);
            if (hits.Count == request.Filter.Limit)
            {
                return hits;
            }
        }

        return await QueryAsync(connection, snapshot, request, window: null, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsFiltered(SqliteConnection connection, ItemFilter filter)
    {
        using var probe = connection.CreateCommand();
        return FilterSql.Where(filter, probe) != "1";
    }

    /// <summary>How many unfiltered top hits a filtered search ranks first, per wanted hit.</summary>
    private const int FilterWindowFactor = 8;

    private static async Task<List<SearchHit>> QueryAsync(SqliteConnection connection, SqliteTransaction snapshot, SearchRequest request, int? window, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(string.Empty, snapshot);
        var where = FilterSql.Where(request.Filter, command, foldedHandled: request.MatchExpression is not null);
        var hideFolded = !request.Filter.IncludeDuplicates;
        if (request.MatchExpression is null)
        {
            command.CommandText = $"SELECT {ItemRows.SummaryColumns}, 0.0, i.text FROM items i WHERE {where} " +
                $"ORDER BY {FilterSql.OrderBy(request.Filter.Order)} LIMIT $limit OFFSET $offset";
        }
        else if (where == "1")
        {
            // Without filters, rank inside FTS5 first and join only the page of hits.
            command.CommandText = $"SELECT {ItemRows.SummaryColumns}, -m.score, i.text FROM " +
                $"(SELECT rowid, {Bm25} AS score FROM search_fts WHERE search_fts MATCH $q {(hideFolded ? FoldedRowsExcluded : string.Empty)} ORDER BY score LIMIT $limit OFFSET $offset) m " +
                "JOIN items i ON i.rowid = m.rowid ORDER BY m.score";
        }
        else if (window is not null)
        {
            command.CommandText = $"SELECT {ItemRows.SummaryColumns}, -m.score, i.text FROM " +
                $"(SELECT rowid, {Bm25} AS score FROM search_fts WHERE search_fts MATCH $q ORDER BY score LIMIT $window) m " +
                $"JOIN items i ON i.rowid = m.rowid WHERE {where} ORDER BY m.score LIMIT $limit OFFSET $offset";
            command.With("$window", window.Value);
        }
        else
        {
            command.CommandText = $"SELECT {ItemRows.SummaryColumns}, -{Bm25} AS score, i.text FROM search_fts JOIN items i ON i.rowid = search_fts.rowid " +
                $"WHERE search_fts MATCH $q AND {where}{(hideFolded ? " AND " + FilterSql.NotFolded : string.Empty)} ORDER BY score DESC LIMIT $limit OFFSET $offset";
        }

        command.With("$q", request.MatchExpression).With("$limit", request.Filter.Limit).With("$offset", request.Filter.Offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var hits = new List<SearchHit>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var summary = ItemRows.ReadSummary(reader);
            hits.Add(new SearchHit(summary, reader.GetDouble(ItemRows.SummaryWidth), reader.GetStringOrNull(ItemRows.SummaryWidth + 1) ?? string.Empty));
        }

        return hits;
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var byKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var byState = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = connection.Command("SELECT kind, state, count(*) FROM items GROUP BY kind, state"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var count = reader.GetInt32(2);
                var kind = reader.GetString(0);
                var state = ((Core.Items.ItemState)reader.GetInt32(1)).ToString().ToLowerInvariant();
                byKind[kind] = byKind.GetValueOrDefault(kind) + count;
                byState[state] = byState.GetValueOrDefault(state) + count;
            }
        }

        await using var totals = connection.Command(
            "SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM items WHERE error IS NOT NULL), " +
            "(SELECT count(*) FROM jobs WHERE state IN ('pending', 'running')), " +
            "(SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size())");
        await using var row = await totals.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await row.ReadAsync(cancellationToken).ConfigureAwait(false);
        var walBytes = File.Exists(DatabasePath + "-wal") ? new FileInfo(DatabasePath + "-wal").Length : 0;
        return new StoreStatistics(row.GetInt32(0), byKind, byState, row.GetInt32(1), row.GetInt32(2), row.GetInt64(3) + walBytes, BlobBytes: 0);
    }

    public async IAsyncEnumerable<(string Id, string Hash)> ListContentHashesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT i.id, s.hash FROM snapshots s JOIN items i ON i.rowid = s.item_rowid " +
            "UNION SELECT id, content_hash FROM items WHERE content_hash IS NOT NULL ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (reader.GetString(0), reader.GetString(1));
        }
    }

    public async Task<IReadOnlySet<string>> ListReferencedHashesAsync(CancellationToken cancellationToken)
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (_, hash) in ListContentHashesAsync(cancellationToken).ConfigureAwait(false))
        {
            hashes.Add(hash);
        }

        return hashes;
    }
}
