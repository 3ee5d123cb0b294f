using System.Globalization;
using Strata.Core;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore
{
    /// <summary>
    /// <c>ts_rank_cd</c> with the weights SQLite's BM25 gives the columns: a match in the title counts
    /// <see cref="Constants.TitleWeight"/> times, in tags <see cref="Constants.TagWeight"/> times one in the body
    /// (PostgreSQL wants weights in [0, 1], given D, C, B, A, so they are divided by the title's and the rank multiplied
    /// back; C is unused). Normalisation 1 divides by 1 + log(document length), the
    /// mild length penalty that keeps long documents from winning by size alone, as BM25's does.
    /// </summary>
    private static readonly string Rank = string.Create(
        CultureInfo.InvariantCulture,
        $"ts_rank_cd('{{{1 / Constants.TitleWeight:0.0###}, 0.0, {Constants.TagWeight / Constants.TitleWeight:0.0###}, 1.0}}'::float4[], s.document, @q::tsquery, 1) * {Constants.TitleWeight:0.0}");

    public async Task<IReadOnlyList<ItemSummary>> ListAsync(ItemFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ItemRows.SummaryColumns} FROM items i WHERE {FilterSql.Where(filter, command)} " +
            $"ORDER BY {FilterSql.OrderBy(filter.Order)} LIMIT @limit OFFSET @offset";
        command.With("limit", filter.Limit).With("offset", filter.Offset);
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
        var query = request.MatchExpression is null ? null : TsQueryTranslator.Translate(request.MatchExpression);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = FilterSql.Where(request.Filter, command);
        if (query is null)
        {
            command.CommandText = $"SELECT {ItemRows.SummaryColumns}, 0.0::float8, i.text FROM items i WHERE {where} " +
                $"ORDER BY {FilterSql.OrderBy(request.Filter.Order)} LIMIT @limit OFFSET @offset";
        }
        else
        {
            // The GIN index finds the matches; equal ranks keep rowid order, as FTS5's scan does.
            command.CommandText = $"SELECT {ItemRows.SummaryColumns}, ({Rank})::float8 AS score, i.text " +
                "FROM search_index s JOIN items i ON i.rowid = s.item_rowid " +
                $"WHERE s.document @@ @q::tsquery AND {where} ORDER BY score DESC, i.rowid LIMIT @limit OFFSET @offset";
            command.With("q", query);
        }

        command.With("limit", request.Filter.Limit).With("offset", request.Filter.Offset);
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var byKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var byState = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = connection.Command("SELECT kind, state, count(*) FROM items GROUP BY kind, state"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var count = reader.GetInt(2);
                var kind = reader.GetString(0);
                var state = ((ItemState)reader.GetInt32(1)).ToString().ToLowerInvariant();
                byKind[kind] = byKind.GetValueOrDefault(kind) + count;
                byState[state] = byState.GetValueOrDefault(state) + count;
            }
        }

        await using var totals = connection.Command(
            "SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM items WHERE error IS NOT NULL), " +
            "(SELECT count(*) FROM jobs WHERE state IN ('pending', 'running')), pg_database_size(current_database())");
        await using var row = await totals.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await row.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(row.GetInt(0), byKind, byState, row.GetInt(1), row.GetInt(2), row.GetInt64(3), BlobBytes: 0);
    }

    public async IAsyncEnumerable<(string Id, string Hash)> ListContentHashesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT i.id, s.hash FROM snapshots s JOIN items i ON i.rowid = s.item_rowid " +
            "UNION SELECT id, content_hash FROM items WHERE content_hash IS NOT NULL ORDER BY 1, 2");
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
