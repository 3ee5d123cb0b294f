using Microsoft.Data.Sqlite;
using Strata.Core.Search;
using Strata.Core.Search.Ranking;
using Strata.Core.Storage;
using Strata.Storage.Sqlite.Ranking;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore : IRankedIndexMaintenance
{
    private const int RebuildBatch = 500;


    private readonly RankedIndex _ranked = new();

    /// <summary>Whether keyword search ranks from the ranked index (false for a base made before it, until <see cref="RebuildRankedIndexAsync"/>).</summary>
    public async Task<bool> IsRankedIndexCompleteAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _ranked.IsCompleteAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rebuilds the ranked keyword index from every indexed item; FTS5 answers searches meanwhile. Returns the items indexed.</summary>
    public async Task<int> RebuildRankedIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var transaction = connection.BeginTransaction())
        {
            await _ranked.MarkCompleteAsync(connection, transaction, complete: false, cancellationToken).ConfigureAwait(false);
            await RankedIndexWriter.ClearAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var rowids = new List<long>();
        await using (var list = connection.Command("SELECT id FROM search_fts_docsize ORDER BY id"))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rowids.Add(reader.GetInt64(0));
            }
        }

        progress?.Report((0, rowids.Count));
        for (var start = 0; start < rowids.Count; start += RebuildBatch)
        {
            var batch = rowids.Skip(start).Take(RebuildBatch).ToArray();
            var documents = await DescribeAsync(connection, batch, cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction();
            await RankedIndexWriter.WriteAsync(connection, transaction, documents, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report((start + batch.Length, rowids.Count));
        }

        await _ranked.MarkCompleteAsync(connection, transaction: null, complete: true, cancellationToken).ConfigureAwait(false);
        return rowids.Count;
    }

    private static async Task<List<(long Rowid, IndexDocument Document)>> DescribeAsync(SqliteConnection connection, long[] rowids, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT i.rowid, i.title, i.text, (SELECT group_concat(t.tag, char(31)) FROM item_tags t WHERE t.item_rowid = i.rowid) " +
            "FROM items i WHERE i.rowid IN (SELECT value FROM json_each($ids))").With("$ids", "[" + string.Join(',', rowids) + "]");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<(long, IndexDocument)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var tags = reader.GetStringOrNull(3)?.Split('\u001f') ?? [];
            documents.Add((reader.GetInt64(0), IndexStep.Describe(reader.GetStringOrNull(1), reader.GetStringOrNull(2), tags)));
        }

        return documents;
    }

    /// <summary>Keyword search ranked by the ranked index; null when it cannot answer (prefix queries, an incomplete index).</summary>
    private async Task<IReadOnlyList<SearchHit>?> RankedSearchAsync(SqliteConnection connection, SearchRequest request, CancellationToken cancellationToken)
    {
        if (request.MatchExpression is null || KeywordQuery.TryParse(request.MatchExpression) is not { } query ||
            !await _ranked.IsCompleteAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var filter = request.Filter;
        var ranked = await _ranked.RankAsync(connection, query, hideFolded: !filter.IncludeDuplicates, cancellationToken).ConfigureAwait(false);
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
