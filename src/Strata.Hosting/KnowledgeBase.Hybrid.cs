using Strata.Core.Search;
using Strata.Core.Storage;
using Strata.Hosting.Retrieval;
using Strata.Semantic.Embeddings;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Candidates each list contributes before fusion (and facet counting).</summary>
    public const int CandidatesPerList = 100;

    /// <summary>Passages scanned per wanted item: several passages of one item may rank high.</summary>
    private const int PassagesPerItem = 4;

    private const int PassagesShown = 2;

    private const int ExclusionLimit = 100_000;

    /// <summary>Words of an item's title and text used as the query for "more like this" without vectors.</summary>
    private const int MoreLikeThisWords = 40;

    /// <summary>
    /// Search in the given mode. Keyword: BM25, items matching every word first, then items matching any.
    /// Semantic: cosine similarity of the query to every passage (filters applied before scoring), grouped per
    /// item. Hybrid: both lists fused by reciprocal rank. Auto picks hybrid when the configured model has
    /// vectors, keyword otherwise, and says nothing about it. Asking for semantic or hybrid without vectors runs
    /// keyword search and returns a <see cref="SearchResponse.Notice"/>.
    /// </summary>
    public async Task<SearchResponse> SearchAsync(string queryText, SearchOptions options, CancellationToken cancellationToken)
    {
        var query = SearchQueryParser.Parse(queryText);
        var limit = Math.Max(1, options.Limit);
        var filter = ToFilter(query, limit) is { } parsed ? parsed with { IncludeDuplicates = options.IncludeDuplicates } : null;
        if (filter is null)
        {
            return new SearchResponse([], SearchMode.Keyword, options.Facets ? SearchFacets.Empty : null, null);
        }

        var (model, vectors, notice) = await ResolveVectorsAsync(options.Mode, cancellationToken).ConfigureAwait(false);
        if (options.LikeId is not null)
        {
            return await MoreLikeThisAsync(options, query, filter, model, vectors, cancellationToken).ConfigureAwait(false);
        }

        var mode = options.Mode switch
        {
            SearchMode.Auto => vectors is not null && query.HasText ? SearchMode.Hybrid : SearchMode.Keyword,
            SearchMode.Semantic or SearchMode.Hybrid when vectors is null || !query.HasText => SearchMode.Keyword,
            _ => options.Mode,
        };
        var candidates = mode == SearchMode.Keyword && !options.Facets ? limit : Math.Max(limit, CandidatesPerList);
        // The query embedding plus scan (model, CPU) and the keyword query run side by side. The vector side starts
        // first, on the thread pool: SQLite's async calls complete synchronously, so a keyword query started first
        // would finish before the embedding request was even sent. In hybrid mode the int8 scan keeps to one thread:
        // the keyword query holds the other core, and a scan split across both waited on it (measured at 100k on 2
        // cores: hybrid p50 17 → 9 ms). The float32 scan, four times the bytes, is still split.
        var semanticTask = mode == SearchMode.Keyword
            ? Task.FromResult(new Dictionary<string, List<(int Row, float Score)>>())
            : Task.Run(async () => await VectorAsync(await model!.EmbedQueryAsync(QueryText(query), cancellationToken).ConfigureAwait(false), vectors!, query, filter, candidates, null, mode != SearchMode.Hybrid || !vectors!.Index.IsQuantized, cancellationToken).ConfigureAwait(false), cancellationToken);
        var keywordTask = mode == SearchMode.Semantic ? Task.FromResult<IReadOnlyList<SearchHit>>([]) : KeywordAsync(query, filter with { Limit = candidates }, cancellationToken);
        await Task.WhenAll(keywordTask, semanticTask).ConfigureAwait(false);
        var keyword = await keywordTask.ConfigureAwait(false);
        var semantic = await semanticTask.ConfigureAwait(false);
        var results = await AssembleAsync(mode, query, keyword, semantic, vectors, limit, cancellationToken).ConfigureAwait(false);
        var facets = options.Facets
            ? await _chunks.CountFacetsAsync(keyword.Select(hit => hit.Item.Id).Concat(semantic.Keys).Distinct().ToArray(), cancellationToken).ConfigureAwait(false)
            : null;
        return new SearchResponse(results, mode, facets, notice);
    }

    /// <summary>The model and its vectors, when semantic search can run; a notice when it was asked for and cannot.</summary>
    private async Task<(EmbeddingModel? Model, LoadedVectors? Vectors, string? Notice)> ResolveVectorsAsync(SearchMode mode, CancellationToken cancellationToken)
    {
        if (mode == SearchMode.Keyword)
        {
            return (null, null, null);
        }

        var explicitly = mode is SearchMode.Semantic or SearchMode.Hybrid;
        EmbeddingModel? model;
        try
        {
            model = EmbeddingModel;
        }
        catch (EmbeddingException exception)
        {
            return (null, null, explicitly ? $"{exception.Message}; showing keyword results" : null);
        }

        if (model is null)
        {
            return (null, null, explicitly ? NoModelMessage + "; showing keyword results" : null);
        }

        var vectors = await GetVectorsAsync(model, cancellationToken).ConfigureAwait(false);
        return vectors is null
            ? (model, null, explicitly ? $"no passages are embedded with {model.Key} yet: run `strata embed`; showing keyword results" : null)
            : (model, vectors, null);
    }

    /// <summary>BM25 hits: every word first; when those are fewer than wanted (and the query has no quoted phrase), items matching any word follow.</summary>
    private async Task<IReadOnlyList<SearchHit>> KeywordAsync(SearchQuery query, ItemFilter filter, CancellationToken cancellationToken)
    {
        var match = Fts5QueryBuilder.Build(query);
        if (match is null && !query.HasFilters)
        {
            return [];
        }

        var hits = await _store.SearchAsync(new SearchRequest(match, filter), cancellationToken).ConfigureAwait(false);
        // A quoted phrase is an explicit requirement: only plain words are relaxed to "any" (and only when nothing matched, as before).
        var relax = query.Phrases.Count == 0 || hits.Count == 0;
        if (!relax || hits.Count >= filter.Limit || match is null || Fts5QueryBuilder.BuildAny(query) is not { } any || any == match)
        {
            return hits;
        }

        var seen = hits.Select(hit => hit.Item.Id).ToHashSet(StringComparer.Ordinal);
        var more = await _store.SearchAsync(new SearchRequest(any, filter), cancellationToken).ConfigureAwait(false);
        return hits.Concat(more.Where(hit => !seen.Contains(hit.Item.Id))).Take(filter.Limit).ToArray();
    }

    /// <summary>
    /// Passages most similar to <paramref name="queryVector"/>, grouped per item (best item first, its best passages
    /// first). The scan is split across cores only when <paramref name="parallel"/> (false when the keyword query runs alongside).
    /// </summary>
    private async Task<Dictionary<string, List<(int Row, float Score)>>> VectorAsync(
        float[] queryVector, LoadedVectors vectors, SearchQuery query, ItemFilter filter, int items, string? excludeItem, bool parallel, CancellationToken cancellationToken)
    {
        var allowed = await AllowedOwnersAsync(vectors, query, filter, excludeItem, cancellationToken).ConfigureAwait(false);
        var grouped = new Dictionary<string, List<(int Row, float Score)>>(StringComparer.Ordinal);
        foreach (var hit in vectors.Index.Search(queryVector, items * PassagesPerItem, allowed, parallel))
        {
            var id = vectors.ItemIds[vectors.Index.RowOwners[hit.Row]];
            if (!grouped.TryGetValue(id, out var passages))
            {
                if (grouped.Count == items)
                {
                    continue;
                }

                grouped[id] = passages = [];
            }

            passages.Add((hit.Row, hit.Score));
        }

        return grouped;
    }

    /// <summary>Items the scan may score: the query's filters and exclusions are applied before any dot product.</summary>
    private async Task<bool[]?> AllowedOwnersAsync(LoadedVectors vectors, SearchQuery query, ItemFilter filter, string? excludeItem, CancellationToken cancellationToken)
    {
        var excluded = query.ExcludedTerms.Count + query.ExcludedPhrases.Count > 0
            ? Fts5QueryBuilder.BuildAny(new SearchQuery { Terms = query.ExcludedTerms, Phrases = query.ExcludedPhrases })
            : null;
        if (!query.HasFilters && excluded is null && excludeItem is null)
        {
            return null;
        }

        var allowed = new bool[vectors.ItemIds.Length];
        if (query.HasFilters)
        {
            foreach (var id in await _chunks.FilterItemIdsAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                if (vectors.Slots.TryGetValue(id, out var slot))
                {
                    allowed[slot] = true;
                }
            }
        }
        else
        {
            Array.Fill(allowed, true);
        }

        if (excluded is not null)
        {
            foreach (var hit in await _store.SearchAsync(new SearchRequest(excluded, new ItemFilter { Limit = ExclusionLimit }), cancellationToken).ConfigureAwait(false))
            {
                if (vectors.Slots.TryGetValue(hit.Item.Id, out var slot))
                {
                    allowed[slot] = false;
                }
            }
        }

        if (excludeItem is not null && vectors.Slots.TryGetValue(excludeItem, out var self))
        {
            allowed[self] = false;
        }

        return allowed;
    }

    private async Task<IReadOnlyList<SearchResult>> AssembleAsync(
        SearchMode mode, SearchQuery query, IReadOnlyList<SearchHit> keyword, Dictionary<string, List<(int Row, float Score)>> semantic,
        LoadedVectors? vectors, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Id, double Score)> ranked = mode switch
        {
            SearchMode.Keyword => keyword.Select(hit => (hit.Item.Id, hit.Score)).ToArray(),
            SearchMode.Semantic => semantic.Select(pair => (pair.Key, (double)pair.Value[0].Score)).ToArray(),
            _ => ReciprocalRankFusion.Fuse([keyword.Select(hit => hit.Item.Id).ToArray(), semantic.Keys.ToArray()]),
        };
        var byId = keyword.ToDictionary(hit => hit.Item.Id, StringComparer.Ordinal);
        var results = new List<SearchResult>(Math.Min(limit, ranked.Count));
        foreach (var (id, score) in ranked.Take(limit))
        {
            var passages = semantic.TryGetValue(id, out var rows) ? await PassagesAsync(id, rows, vectors!, query, cancellationToken).ConfigureAwait(false) : [];
            if (byId.TryGetValue(id, out var hit))
            {
                var snippet = passages.Count > 0 && mode != SearchMode.Keyword ? passages[0].Snippet : SnippetBuilder.Build(hit.Text, query, SnippetChars, SnippetOpen, SnippetClose);
                results.Add(new SearchResult(hit.Item, score, snippet) { Passages = passages });
            }
            else if (await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } item)
            {
                var summary = new ItemSummary(item.Id, item.Kind, item.State, item.DisplayTitle, item.Url, item.SourcePath, item.SiteName, item.Language,
                    item.CollectedAt, item.PublishedAt, item.WordCount, item.Tags.Select(tag => tag.Name).ToArray(), item.Error, item.Status, item.Favourite, item.Category);
                var snippet = passages.Count > 0 ? passages[0].Snippet : SnippetBuilder.Build(item.Text ?? string.Empty, query, SnippetChars, SnippetOpen, SnippetClose);
                results.Add(new SearchResult(summary, score, snippet) { Passages = passages });
            }
        }

        return results;
    }

    private async Task<IReadOnlyList<PassageHit>> PassagesAsync(string itemId, List<(int Row, float Score)> rows, LoadedVectors vectors, SearchQuery query, CancellationToken cancellationToken)
    {
        var chunks = (await _chunks.GetChunksAsync(itemId, cancellationToken).ConfigureAwait(false)).ToDictionary(chunk => chunk.Ordinal);
        var passages = new List<PassageHit>(PassagesShown);
        foreach (var (row, score) in rows.Take(PassagesShown))
        {
            if (chunks.TryGetValue(vectors.Ordinals[row], out var chunk))
            {
                passages.Add(new PassageHit(chunk.Ordinal, chunk.Start, chunk.Length, chunk.Page, score, SnippetBuilder.Build(chunk.Text, query, SnippetChars, SnippetOpen, SnippetClose)));
            }
        }

        return passages;
    }

    /// <summary>"More like this": the item's passages averaged into one query vector; without vectors, its title and opening as keywords.</summary>
    private async Task<SearchResponse> MoreLikeThisAsync(
        SearchOptions options, SearchQuery query, ItemFilter filter, EmbeddingModel? model, LoadedVectors? vectors, CancellationToken cancellationToken)
    {
        var item = await GetAsync(options.LikeId!, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"no item matches '{options.LikeId}'");
        var limit = Math.Max(1, options.Limit);
        if (vectors is not null && vectors.Slots.ContainsKey(item.Id))
        {
            var centroid = await CentroidAsync(item.Id, model!, cancellationToken).ConfigureAwait(false);
            if (centroid is not null)
            {
                var semantic = await VectorAsync(centroid, vectors, query, filter, Math.Max(limit, CandidatesPerList), item.Id, true, cancellationToken).ConfigureAwait(false);
                var results = await AssembleAsync(SearchMode.Semantic, query, [], semantic, vectors, limit, cancellationToken).ConfigureAwait(false);
                var facets = options.Facets ? await _chunks.CountFacetsAsync(semantic.Keys.ToArray(), cancellationToken).ConfigureAwait(false) : null;
                return new SearchResponse(results, SearchMode.Semantic, facets, null);
            }
        }

        var words = string.Join(' ', (item.Title + " " + (item.Text ?? string.Empty)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(MoreLikeThisWords));
        var likeQuery = SearchQueryParser.Parse(words) with { Tags = query.Tags, Kinds = query.Kinds, Languages = query.Languages, Sources = query.Sources, Categories = query.Categories, Statuses = query.Statuses, After = query.After, Before = query.Before };
        var match = Fts5QueryBuilder.BuildAny(likeQuery);
        var hits = match is null ? [] : await _store.SearchAsync(new SearchRequest(match, filter with { Limit = limit + 1 }), cancellationToken).ConfigureAwait(false);
        var keyword = hits.Where(hit => hit.Item.Id != item.Id).Take(limit).ToArray();
        var list = await AssembleAsync(SearchMode.Keyword, likeQuery, keyword, [], null, limit, cancellationToken).ConfigureAwait(false);
        return new SearchResponse(list, SearchMode.Keyword, options.Facets ? await _chunks.CountFacetsAsync(keyword.Select(hit => hit.Item.Id).ToArray(), cancellationToken).ConfigureAwait(false) : null, null);
    }

    /// <summary>The mean of an item's passage vectors, unit length; null when it has none stored.</summary>
    private async Task<float[]?> CentroidAsync(string itemId, EmbeddingModel model, CancellationToken cancellationToken)
    {
        float[]? sum = null;
        await foreach (var stored in _chunks.ReadVectorsAsync(model.Key, itemId, cancellationToken).ConfigureAwait(false))
        {
            sum ??= new float[stored.Vector.Length];
            if (stored.Vector.Length == sum.Length)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(sum, stored.Vector, sum);
            }
        }

        if (sum is not null)
        {
            Strata.Semantic.Embeddings.Onnx.Pooling.Normalize(sum);
        }

        return sum;
    }

    /// <summary>The words and phrases of a query as plain text for the embedding model.</summary>
    private static string QueryText(SearchQuery query) => string.Join(' ', query.Terms.Concat(query.Phrases));
}
