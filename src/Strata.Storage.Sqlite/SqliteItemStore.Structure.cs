using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Enrich;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite;

public sealed partial class SqliteItemStore
{
    private const string DoiUrlPrefix = "https://doi.org/";

    public async Task<ItemStructure?> GetStructureAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        long rowid;
        string? keywords;
        long? duplicateOf;
        string? canonicalUrl;
        string? metadata;
        await using (var command = connection.Command("SELECT rowid, keywords, duplicate_of, canonical_url, metadata FROM items WHERE id = $id").With("$id", id))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (rowid, keywords, duplicateOf, canonicalUrl, metadata) =
                (reader.GetInt64(0), reader.GetStringOrNull(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetStringOrNull(3), reader.GetStringOrNull(4));
        }

        var representative = duplicateOf is { } d
            ? (await SummariesAsync(connection, "i.rowid = $p", d, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
            : null;
        var copies = await SummariesAsync(connection, "i.duplicate_of = $p", rowid, cancellationToken).ConfigureAwait(false);
        var cites = await CitesAsync(connection, rowid, cancellationToken).ConfigureAwait(false);
        var citedBy = await CitedByAsync(connection, rowid, canonicalUrl, metadata, cancellationToken).ConfigureAwait(false);
        return new ItemStructure(KeywordText.Parse(keywords), representative, copies, cites, citedBy);
    }

    private static async Task<IReadOnlyList<ItemSummary>> SummariesAsync(SqliteConnection connection, string where, object parameter, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {ItemRows.SummaryColumns} FROM items i WHERE {where} ORDER BY i.rowid").With("$p", parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<ItemSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(ItemRows.ReadSummary(reader));
        }

        return items;
    }

    /// <summary>Each reference with the item it resolves to: by canonical URL, by arXiv provenance or link, by DOI link or metadata.</summary>
    private static async Task<IReadOnlyList<CitedReference>> CitesAsync(SqliteConnection connection, long rowid, CancellationToken cancellationToken)
    {
        var references = new List<Reference>();
        await using (var command = connection.Command("SELECT kind, value FROM item_references WHERE item_rowid = $r ORDER BY kind, value").With("$r", rowid))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                references.Add(new Reference(Enum.Parse<ReferenceKind>(reader.GetString(0), ignoreCase: true), reader.GetString(1)));
            }
        }

        var cited = new List<CitedReference>(references.Count);
        foreach (var reference in references)
        {
            var where = reference.Kind switch
            {
                ReferenceKind.Url => "i.canonical_url = $v",
                ReferenceKind.Doi => $"(i.canonical_url = '{DoiUrlPrefix}' || $v OR lower(json_extract(i.metadata, '$.doi')) = $v)",
                _ => "(i.rowid IN (SELECT item_rowid FROM provenance WHERE external_id = 'arxiv:' || $v) " +
                    "OR i.canonical_url IN ('https://arxiv.org/abs/' || $v, 'http://arxiv.org/abs/' || $v))",
            };
            await using var command = connection.Command(
                $"SELECT {ItemRows.SummaryColumns} FROM items i WHERE {where} AND i.rowid <> $r ORDER BY i.duplicate_of IS NOT NULL, i.rowid LIMIT 1")
                .With("$v", reference.Value).With("$r", rowid);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            cited.Add(new CitedReference(reference, await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ItemRows.ReadSummary(reader) : null));
        }

        return cited;
    }

    /// <summary>Items whose references name this item: its canonical URL, its arXiv ids, its DOIs.</summary>
    private static async Task<IReadOnlyList<ItemSummary>> CitedByAsync(SqliteConnection connection, long rowid, string? canonicalUrl, string? metadata, CancellationToken cancellationToken)
    {
        var names = new HashSet<(string Kind, string Value)>();
        if (canonicalUrl is not null)
        {
            names.Add(("url", canonicalUrl));
            if (canonicalUrl.StartsWith(DoiUrlPrefix, StringComparison.OrdinalIgnoreCase))
            {
                names.Add(("doi", Uri.UnescapeDataString(canonicalUrl[DoiUrlPrefix.Length..]).ToLowerInvariant()));
            }

            if (ReferenceExtractor.AsArxiv(canonicalUrl) is { } arxiv)
            {
                names.Add(("arxiv", arxiv));
            }
        }

        if (metadata is not null && JsonSerializer.Deserialize(metadata, RowJson.Default.DictionaryStringString)?.GetValueOrDefault("doi") is { } doi)
        {
            names.Add(("doi", doi.ToLowerInvariant()));
        }

        await using (var command = connection.Command("SELECT substr(external_id, 7) FROM provenance WHERE item_rowid = $r AND external_id LIKE 'arxiv:%'").With("$r", rowid))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(("arxiv", reader.GetString(0)));
            }
        }

        if (names.Count == 0)
        {
            return [];
        }

        await using var citing = connection.CreateCommand();
        var conditions = names.Select((name, index) =>
        {
            citing.With($"$k{index}", name.Kind).With($"$v{index}", name.Value);
            return $"(r.kind = $k{index} AND r.value = $v{index})";
        }).ToArray();
        citing.CommandText = $"SELECT {ItemRows.SummaryColumns} FROM items i WHERE i.rowid <> $r AND i.rowid IN " +
            $"(SELECT r.item_rowid FROM item_references r WHERE {string.Join(" OR ", conditions)}) ORDER BY i.rowid";
        citing.With("$r", rowid);
        await using var rows = await citing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<ItemSummary>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(ItemRows.ReadSummary(rows));
        }

        return items;
    }

    public async Task<IReadOnlyList<SimilarCandidate>> FindSimilarCandidatesAsync(string matchExpression, string excludeId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (await RankedSimilarCandidatesAsync(connection, matchExpression, excludeId, limit, cancellationToken).ConfigureAwait(false) is { } ranked)
        {
            return ranked;
        }

        await using var snapshot = connection.BeginTransaction(deferred: true);
        await EnsureFts5AnswersAsync(connection, snapshot, matchExpression, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns}, -m.score, i.keywords FROM " +
            $"(SELECT rowid, {Bm25} AS score FROM search_fts WHERE search_fts MATCH $q ORDER BY score LIMIT $limit) m " +
            "JOIN items i ON i.rowid = m.rowid " +
            "WHERE i.duplicate_of IS NULL AND i.id <> $id AND i.rowid IS NOT (SELECT duplicate_of FROM items WHERE id = $id) ORDER BY m.score", snapshot)
            .With("$q", matchExpression).With("$id", excludeId).With("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var candidates = new List<SimilarCandidate>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            candidates.Add(new SimilarCandidate(ItemRows.ReadSummary(reader), reader.GetDouble(ItemRows.SummaryWidth), KeywordText.Parse(reader.GetStringOrNull(ItemRows.SummaryWidth + 1))));
        }

        return candidates;
    }

    /// <summary>The ranked index's answer to <see cref="FindSimilarCandidatesAsync"/>; null when it cannot answer.</summary>
    private async Task<IReadOnlyList<SimilarCandidate>?> RankedSimilarCandidatesAsync(SqliteConnection connection, string matchExpression, string excludeId, int limit, CancellationToken cancellationToken)
    {
        if (Core.Search.Ranking.KeywordQuery.TryParse(matchExpression) is not { } query ||
            await _ranked.RankAsync(connection, query, hideFolded: true, cancellationToken).ConfigureAwait(false) is not { } ranked)
        {
            return null;
        }

        using var owned = ranked;

        // Two more than asked: the item itself and the one it was folded into may be among the best.
        var best = ranked.Top(limit + 2);
        await using var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns}, i.keywords, i.rowid FROM items i WHERE i.rowid IN (SELECT value FROM json_each($ids)) " +
            "AND i.id <> $id AND i.rowid IS NOT (SELECT duplicate_of FROM items WHERE id = $id)")
            .With("$ids", "[" + string.Join(',', best.Select(hit => hit.Document)) + "]").With("$id", excludeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<long, SimilarCandidate>();
        var scores = best.ToDictionary(hit => (long)hit.Document, hit => (double)hit.Score);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rowid = reader.GetInt64(ItemRows.SummaryWidth + 1);
            found[rowid] = new SimilarCandidate(ItemRows.ReadSummary(reader), scores[rowid], KeywordText.Parse(reader.GetStringOrNull(ItemRows.SummaryWidth)));
        }

        return best.Where(hit => found.ContainsKey(hit.Document)).Take(limit).Select(hit => found[hit.Document]).ToArray();
    }
}
