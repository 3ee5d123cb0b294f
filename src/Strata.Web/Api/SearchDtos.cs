using Strata.Core.Search;
using Strata.Core.Storage;
using Strata.Hosting.Retrieval;
using Strata.Web.Rendering;

namespace Strata.Web.Api;

/// <summary>A passage that matched (semantic and hybrid modes): where it is in the item's text and its snippet.</summary>
public sealed record PassageDto(int Ordinal, int Start, int Length, int? Page, double Score, string Snippet)
{
    public static PassageDto From(PassageHit hit) => new(hit.Ordinal, hit.Start, hit.Length, hit.Page, hit.Score, SnippetText.Plain(hit.Snippet));
}

/// <summary>
/// One hit: <see cref="Snippet"/> is plain text; <see cref="SnippetHtml"/> is the same text HTML-escaped with the
/// matched words in <c>&lt;mark&gt;</c>.
/// </summary>
public sealed record SearchHitDto(ItemSummaryDto Item, double Score, string Snippet, string SnippetHtml, IReadOnlyList<PassageDto> Passages);

public sealed record FacetDto(string Value, int Count);

public sealed record FacetsDto(IReadOnlyList<FacetDto> Tags, IReadOnlyList<FacetDto> Kinds, IReadOnlyList<FacetDto> Sources, IReadOnlyList<FacetDto> Languages)
{
    public static FacetsDto From(SearchFacets facets)
    {
        static FacetDto[] Map(IReadOnlyList<FacetCount> counts) => [.. counts.Select(count => new FacetDto(count.Value, count.Count))];
        return new(Map(facets.Tags), Map(facets.Kinds), Map(facets.Sources), Map(facets.Languages));
    }
}

/// <summary>Search results in relevance order; <see cref="Mode"/> is the mode that actually ran; <see cref="NextOffset"/> is null on the last page.</summary>
public sealed record SearchPageDto(string Query, SearchMode Mode, IReadOnlyList<SearchHitDto> Results, FacetsDto? Facets, string? Notice, int Offset, int Limit, int? NextOffset);
