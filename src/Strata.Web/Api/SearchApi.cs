using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Search;
using Strata.Hosting;
using Strata.Hosting.Retrieval;
using Strata.Web.Hosting;
using Strata.Web.Rendering;

namespace Strata.Web.Api;

/// <summary><c>GET /api/v1/search</c>: the CLI's query language, snippets, passages and facets, in pages.</summary>
internal static class SearchApi
{
    /// <summary>Deepest result a page may reach (search ranks candidates, it does not page through the whole base).</summary>
    public const int MaxDepth = 500;

    public static void MapSearchApi(this RouteGroupBuilder api) =>
        api.MapGet("/search", SearchAsync).WithTags("Search").WithName("Search").TakesSearchTurn()
            .WithSummary("Search with the query language (words \"a phrase\" -excluded tag:x source:y kind:paper after:2026-01-01 lang:zh)")
            .WithDescription("mode: auto (hybrid when vectors exist, else keyword), keyword, semantic or hybrid. limit 1-200 (default 20), offset up to 500. facets=true adds tag, kind, source and language counts.");

    private static async Task<Results<Ok<SearchPageDto>, ProblemHttpResult>> SearchAsync(
        KnowledgeBase kb, string? q, string? mode, int? limit, int? offset, bool? facets, bool? duplicates, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.BadRequest("give a query: ?q=words");
        }

        var (pageLimit, pageOffset) = ApiQuery.Page(limit, offset, defaultLimit: 20);
        if (pageOffset + pageLimit > MaxDepth)
        {
            return ApiProblems.BadRequest($"offset + limit may reach at most {MaxDepth}: refine the query instead of paging further");
        }

        var options = new SearchOptions
        {
            Mode = mode is null ? SearchMode.Auto : ApiQuery.Enum<SearchMode>(mode, "mode"),
            Limit = pageOffset + pageLimit + 1,
            Facets = facets == true,
            IncludeDuplicates = duplicates == true,
        };
        var response = await kb.SearchAsync(q, options, cancellationToken);
        var hits = response.Results.Skip(pageOffset).Take(pageLimit).Select(hit => new SearchHitDto(
            ItemSummaryDto.From(hit.Item), hit.Score, SnippetText.Plain(hit.Snippet), SnippetText.Html(hit.Snippet), [.. hit.Passages.Select(PassageDto.From)])).ToArray();
        var next = response.Results.Count > pageOffset + pageLimit ? pageOffset + pageLimit : (int?)null;
        return TypedResults.Ok(new SearchPageDto(q, response.Mode, hits, response.Facets is null ? null : FacetsDto.From(response.Facets), response.Notice, pageOffset, pageLimit, next));
    }
}
