using System.Globalization;
using Npgsql;
using Strata.Core;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore
{
    private static readonly TimeSpan LexemeStatisticsAge = TimeSpan.FromMinutes(5);

    /// <summary>See <see cref="ScanNewestFirst"/>.</summary>
    private const double PhraseScanShare = 0.25;

    private volatile ReadLexemeStatistics? _lexemeStatistics;

    /// <summary>
    /// <c>ts_rank_cd</c> with the weights SQLite's BM25 gives the columns: a match in the title counts
    /// <see cref="Constants.TitleWeight"/> times, in tags <see cref="Constants.TagWeight"/> times one in the body
    /// (PostgreSQL wants weights in [0, 1], given D, C, B, A, so they are divided by the title's and the rank multiplied
    /// back; C is unused). Normalisation 1 divides by 1 + log(document length), the
    /// mild length penalty that keeps long documents from winning by size alone, as BM25's does.
    /// </summary>
    private static string Rank(string document) => string.Create(
        CultureInfo.InvariantCulture,
        $"ts_rank_cd('{{{1 / Constants.TitleWeight:0.0###}, 0.0, {Constants.TagWeight / Constants.TitleWeight:0.0###}, 1.0}}'::float4[], {document}, @q::tsquery, 1) * {Constants.TitleWeight:0.0}");

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
        if (query is null)
        {
            command.CommandText = $"SELECT {ItemRows.SummaryColumns}, 0.0::float8, i.text FROM items i WHERE {FilterSql.Where(request.Filter, command)} " +
                $"ORDER BY {FilterSql.OrderBy(request.Filter.Order)} LIMIT @limit OFFSET @offset";
        }
        else
        {
            var window = Math.Max(_searchWindow, request.Filter.Offset + request.Filter.Limit);
            var statistics = await GetLexemeStatisticsAsync(connection, cancellationToken).ConfigureAwait(false);
            var where = FilterSql.Where(request.Filter, command, foldedHandled: true);
            // With a filter the planner picks the order: a selective filter (kind:file) should go first, not a scan
            // of every frequent-word match for the few that pass it.
            command.CommandText = RankedSql(query, where, request.Filter.IncludeDuplicates, where == FilterSql.Always && ScanNewestFirst(query, statistics, window));
            command.With("window", window).With("q", query);
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

    /// <summary>
    /// Ranks only the newest <c>@window</c> matches (all of them when fewer match, so small result sets are exact):
    /// ranking every match of a word in a third of the base would cost time in proportion to the base.
    /// </summary>
    /// <remarks>
    /// Two physical plans, same rows (see <see cref="ScanNewestFirst"/>): reading the primary key newest first and
    /// testing each row, which stops after <c>@window</c> matches, or finding every match in the GIN index and keeping
    /// the newest (<c>+ 0</c> keeps the planner off the key's order). Without filters the items are joined only for
    /// the window (folded near-duplicates are dropped after ranking); with filters they are joined first, so the
    /// window holds matches that pass them. Equal ranks keep rowid order, as FTS5's scan does.
    /// </remarks>
    private static string RankedSql(string query, string where, bool includeDuplicates, bool scanNewestFirst)
    {
        var newestFirst = scanNewestFirst ? "s.item_rowid DESC" : "s.item_rowid + 0 DESC";
        var window = where == FilterSql.Always
            ? $"SELECT s.item_rowid, s.document FROM search_index s WHERE s.document @@ @q::tsquery ORDER BY {newestFirst} LIMIT @window"
            : $"SELECT s.item_rowid, s.document FROM search_index s JOIN items i ON i.rowid = s.item_rowid WHERE s.document @@ @q::tsquery AND {where} ORDER BY {newestFirst} LIMIT @window";
        var folded = includeDuplicates ? string.Empty : $"WHERE {FilterSql.NotFolded} ";
        return $"SELECT {ItemRows.SummaryColumns}, r.score, i.text FROM (" +
            $"SELECT c.item_rowid, ({Rank("c.document")})::float8 AS score FROM ({window}) c) r " +
            $"JOIN items i ON i.rowid = r.item_rowid {folded}ORDER BY r.score DESC, r.item_rowid LIMIT @limit OFFSET @offset";
    }

    /// <summary>
    /// Whether reading rows newest first finds the window sooner than the GIN index finds every candidate. The
    /// scan reads about window / share rows, the index share × rows, so for words the scan wins once
    /// share² > window / rows (a word in over 5.5 % of 100,000 items for a window of 300). The GIN index cannot
    /// check a phrase's positions, so every item holding all of its words is a candidate to recheck: when those
    /// are a quarter of the base or more ("of the"), scanning newest first is never much worse and usually far
    /// better. Excluded words do not narrow the candidates; prefixes cannot be estimated and use the index.
    /// Decided here rather than by the planner, which counts testing a compressed tsvector as nearly free and so
    /// scans for words in 3 % of the rows, and estimates a phrase as if its words could be anywhere.
    /// </summary>
    private static bool ScanNewestFirst(string query, LexemeStatistics statistics, int window)
    {
        if (statistics.Rows <= window || query.Contains(":*", StringComparison.Ordinal))
        {
            return false;
        }

        var share = statistics.Share(LexemeStatistics.WithoutExclusions(query));
        return query.Contains("<->", StringComparison.Ordinal) ? share >= PhraseScanShare : share * share > window / statistics.Rows;
    }

    /// <summary>The lexeme statistics, re-read from the server at most every few minutes (ANALYZE refreshes them about as often).</summary>
    private async Task<LexemeStatistics> GetLexemeStatisticsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_lexemeStatistics is { } cached && now - cached.ReadAt < LexemeStatisticsAge)
        {
            return cached.Statistics;
        }

        await using var command = connection.Command(
            "SELECT c.reltuples::float8, s.most_common_elems::text::text[], s.most_common_elem_freqs FROM pg_class c " +
            "LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'search_index' AND s.attname = 'document' " +
            "WHERE c.oid = 'search_index'::regclass");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var statistics = LexemeStatistics.None;
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(1))
        {
            statistics = new LexemeStatistics(reader.GetDouble(0), reader.GetFieldValue<string[]>(1), reader.GetFieldValue<float[]>(2));
        }

        _lexemeStatistics = new ReadLexemeStatistics(statistics, now);
        return statistics;
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

/// <summary>A statistics snapshot and when it was read.</summary>
internal sealed record ReadLexemeStatistics(LexemeStatistics Statistics, DateTimeOffset ReadAt);
