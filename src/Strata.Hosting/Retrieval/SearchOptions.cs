using Strata.Core.Search;
using Strata.Core.Storage;

namespace Strata.Hosting.Retrieval;

/// <summary>How one search runs.</summary>
public sealed record SearchOptions
{
    /// <summary><see cref="SearchMode.Auto"/>: hybrid when the configured model has vectors, keyword otherwise.</summary>
    public SearchMode Mode { get; init; } = SearchMode.Auto;

    public int Limit { get; init; } = 10;

    /// <summary>Count tags, kinds, sources and languages over the candidates.</summary>
    public bool Facets { get; init; }

    /// <summary>Also return near-duplicates folded into another item (hidden by default).</summary>
    public bool IncludeDuplicates { get; init; }

    /// <summary>"More like this": an item id (or prefix) whose passages become the query.</summary>
    public string? LikeId { get; init; }
}

/// <summary>A passage that matched: where it is in the item (for citations) and its snippet.</summary>
public sealed record PassageHit(int Ordinal, int Start, int Length, int? Page, double Score, string Snippet);

/// <summary>The results of a search, the mode that actually ran, facet counts when asked, and a note for the user (e.g. no vectors yet).</summary>
public sealed record SearchResponse(IReadOnlyList<SearchResult> Results, SearchMode Mode, SearchFacets? Facets, string? Notice);
