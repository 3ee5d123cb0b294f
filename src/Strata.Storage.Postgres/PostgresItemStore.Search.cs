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
            // With a filter the planner may still pick the order when newest first is allowed: a selective filter
            // (kind:file) then goes first, a common one (lang:zh) is tested on the rows read newest first.
            var grams = TsQueryTranslator.RequiredGrams(request.MatchExpression!);
            var match = grams is null ? "s.document @@ @q::tsquery"
                : PhraseGrams.ExactGram(request.MatchExpression!) is null ? "s.grams @@ @g::tsquery AND s.document @@ @q::tsquery"
                : "s.grams @@ @g::tsquery";
            command.CommandText = RankedSql(match, where, request.Filter.IncludeDuplicates, ScanNewestFirst(query, grams, statistics, window));
            command.With("window", window).With("q", query);
            if (grams is not null)
            {
                command.With("g", grams);
            }
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
    /// window holds matches that pass them. Equal ranks keep rowid order, as FTS5's scan does. <paramref name="match"/>
    /// is the document test, with the phrases' grams (<c>@g</c>) first when they narrow the candidates, or the gram
    /// alone when it decides exactly (a two-word phrase: the document's positions are then read only for ranking).
    /// </remarks>
    private static string RankedSql(string match, string where, bool includeDuplicates, bool scanNewestFirst)
    {
        var newestFirst = scanNewestFirst ? "s.item_rowid DESC" : "s.item_rowid + 0 DESC";
        var window = where == FilterSql.Always
            ? $"SELECT s.item_rowid, s.document FROM search_index s WHERE {match} ORDER BY {newestFirst} LIMIT @window"
            : $"SELECT s.item_rowid, s.document FROM search_index s JOIN items i ON i.rowid = s.item_rowid WHERE {match} AND {where} ORDER BY {newestFirst} LIMIT @window";
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
    /// scans for words in 3 % of the rows, and estimates a phrase as if its words could be anywhere. A phrase with
    /// grams is found through them: its candidates are the items holding its grams, so it is weighed like words.
    /// </summary>
    private static bool ScanNewestFirst(string query, string? grams, LexemeStatistics statistics, int window)
    {
        if (statistics.Rows <= window || query.Contains(":*", StringComparison.Ordinal))
        {
            return false;
        }

        if (grams is not null)
        {
            var gramShare = statistics.Share(grams);
            return gramShare * gramShare > window / statistics.Rows;
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

        // The grams' statistics come with the words': a gram holds a space, so the two never share a lexeme.
        await using var command = connection.Command(
            "SELECT c.reltuples::float8, s.attname::text, s.most_common_elems::text::text[], s.most_common_elem_freqs FROM pg_class c " +
            "LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'search_index' AND s.attname IN ('document', 'grams') " +
            "WHERE c.oid = 'search_index'::regclass ORDER BY s.attname");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var statistics = LexemeStatistics.None;
        var rows = 0.0;
        var lexemes = new List<string>();
        var frequencies = new List<float>();
        var hasDocument = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows = reader.GetDouble(0);
            if (!reader.IsDBNull(2))
            {
                hasDocument |= reader.GetString(1) == "document";
                lexemes.AddRange(reader.GetFieldValue<string[]>(2));
                frequencies.AddRange(reader.GetFieldValue<float[]>(3).Take(reader.GetFieldValue<string[]>(2).Length));
            }
        }

        if (hasDocument)
        {
            statistics = new LexemeStatistics(rows, lexemes, frequencies);
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
