using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Storage;

namespace Strata.Hosting;

/// <summary>
/// One search result: the item, its score (BM25 in keyword mode, cosine similarity in semantic mode, the fused
/// reciprocal-rank score in hybrid mode; higher is better), a snippet with marked matches, and the passages that
/// matched best (semantic and hybrid modes).
/// </summary>
public sealed record SearchResult(ItemSummary Item, double Score, string Snippet)
{
    public IReadOnlyList<Retrieval.PassageHit> Passages { get; init; } = [];
}

public sealed partial class KnowledgeBase
{
    /// <summary>Marks around matched words in <see cref="SearchResult.Snippet"/>; see <see cref="RenderSnippet"/>.</summary>
    public const string SnippetOpen = "\u0002";

    public const string SnippetClose = "\u0003";

    private const int SnippetChars = 220;

    /// <summary>
    /// Keyword search with the query language (<c>words "a phrase" -excluded tag:x kind:file lang:zh after:… before:… source:… is:unread</c>).
    /// All words must match; when that finds nothing, any word may match. Only filters: newest first.
    /// </summary>
    public Task<IReadOnlyList<SearchResult>> SearchAsync(string queryText, int limit, CancellationToken cancellationToken) =>
        SearchAsync(queryText, limit, includeDuplicates: false, cancellationToken);

    /// <summary>Like <see cref="SearchAsync(string, int, CancellationToken)"/>; <paramref name="includeDuplicates"/> also finds folded near-duplicates.</summary>
    public async Task<IReadOnlyList<SearchResult>> SearchAsync(string queryText, int limit, bool includeDuplicates, CancellationToken cancellationToken)
    {
        var query = SearchQueryParser.Parse(queryText);
        var filter = ToFilter(query, limit) is { } parsed ? parsed with { IncludeDuplicates = includeDuplicates } : null;
        if (filter is null)
        {
            return [];
        }

        var match = Fts5QueryBuilder.Build(query);
        if (match is null && !query.HasFilters)
        {
            return [];
        }

        var hits = await _store.SearchAsync(new SearchRequest(match, filter), cancellationToken).ConfigureAwait(false);
        if (hits.Count == 0 && match is not null && Fts5QueryBuilder.BuildAny(query) is { } any && any != match)
        {
            hits = await _store.SearchAsync(new SearchRequest(any, filter), cancellationToken).ConfigureAwait(false);
        }

        return hits.Select(hit => new SearchResult(hit.Item, hit.Score, SnippetBuilder.Build(hit.Text, query, SnippetChars, SnippetOpen, SnippetClose))).ToArray();
    }

    /// <summary>Replaces the snippet marks with the caller's (e.g. <c>**</c> for Markdown, or terminal colours).</summary>
    public static string RenderSnippet(string snippet, string open, string close) =>
        snippet.Replace(SnippetOpen, open, StringComparison.Ordinal).Replace(SnippetClose, close, StringComparison.Ordinal);

    /// <summary>The query's filters as an <see cref="ItemFilter"/>; null when a filter can match nothing (an unknown kind).</summary>
    internal static ItemFilter? ToFilter(SearchQuery query, int limit)
    {
        var kinds = new List<ItemKind>();
        foreach (var name in query.Kinds)
        {
            if (!Enum.TryParse<ItemKind>(name.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind))
            {
                return null;
            }

            kinds.Add(kind);
        }

        var statuses = query.Statuses.Select(status => status.ToLowerInvariant() switch
        {
            "read" => ItemStatus.Read,
            "archived" => ItemStatus.Archived,
            _ => ItemStatus.Inbox,
        }).Distinct().ToArray();
        return new ItemFilter
        {
            Kinds = kinds,
            Tags = query.Tags,
            Languages = query.Languages,
            Categories = query.Categories,
            Sources = query.Sources,
            Statuses = statuses,
            After = query.After is { } after ? new DateTimeOffset(after.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Before = query.Before is { } before ? new DateTimeOffset(before.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            ByItemDate = true,
            Limit = limit,
        };
    }
}
