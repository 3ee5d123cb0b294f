using System.Text.Json;
using Npgsql;
using Strata.Core.Enrich;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

public sealed partial class PostgresItemStore
{
    private const string DoiUrlPrefix = "https://doi.org/";

    public async Task<ItemStructure?> GetStructureAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        long rowid;
        string? keywords;
        long? duplicateOf;
        string? canonicalUrl;
        string? metadata;
        await using (var command = connection.Command("SELECT rowid, keywords, duplicate_of, canonical_url, metadata FROM items WHERE id = @id").With("id", id))
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
            ? (await SummariesAsync(connection, "i.rowid = @p", d, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
            : null;
        var copies = await SummariesAsync(connection, "i.duplicate_of = @p", rowid, cancellationToken).ConfigureAwait(false);
        var cites = await CitesAsync(connection, rowid, cancellationToken).ConfigureAwait(false);
        var citedBy = await CitedByAsync(connection, rowid, canonicalUrl, metadata, cancellationToken).ConfigureAwait(false);
        return new ItemStructure(KeywordText.Parse(keywords), representative, copies, cites, citedBy);
    }

    private static async Task<IReadOnlyList<ItemSummary>> SummariesAsync(NpgsqlConnection connection, string where, object parameter, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {ItemRows.SummaryColumns} FROM items i WHERE {where} ORDER BY i.rowid").With("p", parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<ItemSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(ItemRows.ReadSummary(reader));
        }

        return items;
    }

    /// <summary>Each reference with the item it resolves to: by canonical URL, by arXiv provenance or link, by DOI link or metadata.</summary>
    private static async Task<IReadOnlyList<CitedReference>> CitesAsync(NpgsqlConnection connection, long rowid, CancellationToken cancellationToken)
    {
        var references = new List<Reference>();
        await using (var command = connection.Command("SELECT kind, value FROM item_references WHERE item_rowid = @r ORDER BY kind, value").With("r", rowid))
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
                ReferenceKind.Url => "i.canonical_url = @v",
                ReferenceKind.Doi => $"(i.canonical_url = '{DoiUrlPrefix}' || @v OR lower(i.metadata::jsonb ->> 'doi') = @v)",
                _ => "(i.rowid IN (SELECT item_rowid FROM provenance WHERE external_id = 'arxiv:' || @v) " +
                    "OR i.canonical_url IN ('https://arxiv.org/abs/' || @v, 'http://arxiv.org/abs/' || @v))",
            };
            await using var command = connection.Command(
                $"SELECT {ItemRows.SummaryColumns} FROM items i WHERE {where} AND i.rowid <> @r ORDER BY i.duplicate_of IS NOT NULL, i.rowid LIMIT 1")
                .With("v", reference.Value).With("r", rowid);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            cited.Add(new CitedReference(reference, await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ItemRows.ReadSummary(reader) : null));
        }

        return cited;
    }

    /// <summary>Items whose references name this item: its canonical URL, its arXiv ids, its DOIs.</summary>
    private static async Task<IReadOnlyList<ItemSummary>> CitedByAsync(NpgsqlConnection connection, long rowid, string? canonicalUrl, string? metadata, CancellationToken cancellationToken)
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

        await using (var command = connection.Command("SELECT substr(external_id, 7) FROM provenance WHERE item_rowid = @r AND external_id LIKE 'arxiv:%'").With("r", rowid))
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
            citing.With($"@k{index}", name.Kind).With($"@v{index}", name.Value);
            return $"(r.kind = @k{index} AND r.value = @v{index})";
        }).ToArray();
        citing.CommandText = $"SELECT {ItemRows.SummaryColumns} FROM items i WHERE i.rowid <> @r AND i.rowid IN " +
            $"(SELECT r.item_rowid FROM item_references r WHERE {string.Join(" OR ", conditions)}) ORDER BY i.rowid";
        citing.With("r", rowid);
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
        if (TsQueryTranslator.Translate(matchExpression) is not { } query)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {ItemRows.SummaryColumns}, ({Rank("s.document")})::float8 AS score, i.keywords " +
            "FROM search_index s JOIN items i ON i.rowid = s.item_rowid " +
            "WHERE s.document @@ @q::tsquery AND i.duplicate_of IS NULL AND i.id <> @id AND i.rowid IS DISTINCT FROM (SELECT duplicate_of FROM items WHERE id = @id) " +
            "ORDER BY score DESC, i.rowid LIMIT @limit")
            .With("q", query).With("id", excludeId).With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var candidates = new List<SimilarCandidate>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            candidates.Add(new SimilarCandidate(ItemRows.ReadSummary(reader), reader.GetDouble(ItemRows.SummaryWidth), KeywordText.Parse(reader.GetStringOrNull(ItemRows.SummaryWidth + 1))));
        }

        return candidates;
    }
}
