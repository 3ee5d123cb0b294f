using Microsoft.Data.Sqlite;
using Strata.Core.Search.Ranking;
using Strata.Core.Storage;
using Strata.Storage.Sqlite.Ranking;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore : IRankedIndexMaintenance
{
    private const int RebuildBatch = 500;

    private readonly RankedIndex _ranked = new();

    private readonly LegacyFts5 _fts5 = new();

    /// <summary>Whether keyword search ranks from the ranked index (false for a base made before it, until <see cref="RebuildRankedIndexAsync"/>).</summary>
    public async Task<bool> IsRankedIndexCompleteAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await RankedIndex.IsCompleteAsync(connection, transaction: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether FTS5 is still kept (a base whose ranked index was never complete); false once it is retired.</summary>
    public async Task<bool> KeepsFullTextFallbackAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return !await _fts5.IsRetiredAsync(connection, transaction: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rebuilds the ranked keyword index from every indexed item, then retires FTS5 in the transaction that marks the
    /// index complete. Meanwhile FTS5 answers searches on a base that still keeps it; on one whose FTS5 is retired,
    /// searches fail with <see cref="KeywordIndexUnavailableException"/> until the rebuild ends. Returns the items indexed.
    /// </summary>
    public async Task<int> RebuildRankedIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rowids = new List<long>();
        await using (var transaction = connection.BeginTransaction())
        {
            // Indexed items, and any the pipeline stepped back to re-index that either index still holds.
            await using (var list = connection.Command(
                "SELECT rowid FROM items WHERE state = $indexed OR rowid IN (SELECT rowid FROM search_documents WHERE segment > 0) " +
                "OR rowid IN (SELECT id FROM search_fts_docsize) ORDER BY rowid", transaction).With("$indexed", (int)Core.Items.ItemState.Indexed))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rowids.Add(reader.GetInt64(0));
                }
            }

            await RankedIndex.MarkCompleteAsync(connection, transaction, complete: false, cancellationToken).ConfigureAwait(false);
            await RankedIndexWriter.ClearAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        progress?.Report((0, rowids.Count));
        for (var start = 0; start < rowids.Count; start += RebuildBatch)
        {
            var batch = rowids.Skip(start).Take(RebuildBatch).ToArray();
            await using var transaction = connection.BeginTransaction();

            // Read in the writing transaction: an item deleted or re-indexed meanwhile is not written back stale.
            var documents = await DescribeAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
            await RankedIndexWriter.WriteAsync(connection, transaction, documents, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report((start + batch.Length, rowids.Count));
        }

        await using (var transaction = connection.BeginTransaction())
        {
            await RankedIndex.MarkCompleteAsync(connection, transaction, complete: true, cancellationToken).ConfigureAwait(false);
            await LegacyFts5.RetireAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return rowids.Count;
    }

    private static async Task<List<(long Rowid, DocumentTerms Terms)>> DescribeAsync(SqliteConnection connection, SqliteTransaction transaction, long[] rowids, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT i.rowid, i.title, i.text, (SELECT group_concat(t.tag, char(31)) FROM item_tags t WHERE t.item_rowid = i.rowid) " +
            "FROM items i WHERE i.rowid IN (SELECT value FROM json_each($ids))", transaction).With("$ids", "[" + string.Join(',', rowids) + "]");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<(long, DocumentTerms)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var tags = reader.GetStringOrNull(3)?.Split('\u001f') ?? [];
            documents.Add((reader.GetInt64(0), DocumentTerms.Analyse(reader.GetStringOrNull(1), reader.GetStringOrNull(2), tags)));
        }

        return documents;
    }

    /// <summary>
    /// Lets FTS5 answer a query the ranked index could not, only where FTS5 is still kept (read in the snapshot the
    /// FTS5 query runs in): a retired FTS5 is empty, and answering from it would silently find nothing.
    /// </summary>
    /// <exception cref="KeywordIndexUnavailableException">FTS5 is retired (the ranked index is being rebuilt or was written by another format).</exception>
    private async Task EnsureFts5AnswersAsync(SqliteConnection connection, SqliteTransaction snapshot, string matchExpression, CancellationToken cancellationToken)
    {
        if (await _fts5.IsRetiredAsync(connection, snapshot, cancellationToken).ConfigureAwait(false))
        {
            throw new KeywordIndexUnavailableException(KeywordQuery.TryParse(matchExpression) is null
                ? $"the keyword index cannot read the match expression {matchExpression}"
                : KeywordIndexUnavailableException.RebuildNeeded);
        }
    }

    /// <summary>Keyword search ranked by the ranked index; null when it cannot answer (an incomplete index, an expression it cannot read).</summary>
    private async Task<IReadOnlyList<SearchHit>?> RankedSearchAsync(SqliteConnection connection, SearchRequest request, CancellationToken cancellationToken)
    {
        if (request.MatchExpression is null || KeywordQuery.TryParse(request.MatchExpression) is not { } query ||
            await _ranked.RankAsync(connection, query, hideFolded: !request.Filter.IncludeDuplicates, cancellationToken).ConfigureAwait(false) is not { } ranked)
        {
            return null;
        }

        using var owned = ranked;
        var filter = request.Filter;
        var wanted = filter.Offset + filter.Limit;
        IReadOnlyList<(int Document, float Score)> best;
        if (!HasConditions(filter))
        {
            best = ranked.Top(wanted);
        }
        else
        {
            // Filters keep the ranking order: check a window of the best, widening until it holds enough.
            var window = wanted * FilterWindowFactor;
            while (true)
            {
                var top = ranked.Top(window);
                var matching = await PassingFilterAsync(connection, filter, top, cancellationToken).ConfigureAwait(false);
                best = top.Where(hit => matching.Contains(hit.Document)).ToArray();
                if (best.Count >= wanted || top.Count >= ranked.Count)
                {
                    break;
                }

                window *= 4;
            }
        }

        return await LoadHitsAsync(connection, best.Skip(filter.Offset).Take(filter.Limit).ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private static bool HasConditions(ItemFilter filter)
    {
        using var probe = new SqliteCommand();
        return FilterSql.Where(filter, probe, foldedHandled: true) != "1";
    }

    private static async Task<HashSet<int>> PassingFilterAsync(SqliteConnection connection, ItemFilter filter, IReadOnlyList<(int Document, float Score)> candidates, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var where = FilterSql.Where(filter, command, foldedHandled: true);
        command.CommandText = $"SELECT i.rowid FROM items i WHERE i.rowid IN (SELECT value FROM json_each($ids)) AND {where}";
        command.With("$ids", "[" + string.Join(',', candidates.Select(candidate => candidate.Document)) + "]");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var passing = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            passing.Add((int)reader.GetInt64(0));
        }

        return passing;
    }

    private static async Task<IReadOnlyList<SearchHit>> LoadHitsAsync(SqliteConnection connection, IReadOnlyList<(int Document, float Score)> page, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return [];
        }

        await using var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns}, i.text, i.rowid FROM items i WHERE i.rowid IN (SELECT value FROM json_each($ids))")
            .With("$ids", "[" + string.Join(',', page.Select(hit => hit.Document)) + "]");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<long, (ItemSummary Summary, string Text)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[reader.GetInt64(ItemRows.SummaryWidth + 1)] = (ItemRows.ReadSummary(reader), reader.GetStringOrNull(ItemRows.SummaryWidth) ?? string.Empty);
        }

        var hits = new List<SearchHit>(page.Count);
        foreach (var (document, score) in page)
        {
            if (found.TryGetValue(document, out var item))
            {
                hits.Add(new SearchHit(item.Summary, score, item.Text));
            }
        }

        return hits;
    }
}
