using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Strata.Core.Search;
using Strata.Hosting;
using Strata.Hosting.Retrieval;
using Strata.Web.Components;
using Strata.Web.Hosting;

namespace Strata.Web.Endpoints;

/// <summary>The Search page and the results fragment as-you-type search swaps in.</summary>
internal static class SearchEndpoints
{
    public const int DefaultLimit = 20;

    public static void MapSearchPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", async (HttpContext context, KnowledgeBase kb, CancellationToken cancellationToken) =>
            Pages.Render<SearchPage>(new { View = await SearchAsync(context.Request.Query, kb, cancellationToken) })).TakesSearchTurn();

        app.MapGet("/search/results", async (HttpContext context, KnowledgeBase kb, CancellationToken cancellationToken) =>
            Pages.Render<SearchResults>(new { View = await SearchAsync(context.Request.Query, kb, cancellationToken) })).TakesSearchTurn();
    }

    private static async Task<SearchView> SearchAsync(IQueryCollection query, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        var text = query["q"].ToString().Trim();
        var modeName = SearchView.Modes.Contains(query["mode"].ToString()) ? query["mode"].ToString() : "auto";
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, 1, 100) : DefaultLimit;
        if (text.Length == 0)
        {
            return new SearchView(text, modeName, limit, null);
        }

        var options = new SearchOptions { Mode = Enum.Parse<SearchMode>(modeName, ignoreCase: true), Limit = limit, Facets = true };
        try
        {
            return new SearchView(text, modeName, limit, await kb.SearchAsync(text, options, cancellationToken));
        }
        catch (KeyNotFoundException exception)
        {
            return new SearchView(text, modeName, limit, null, exception.Message);
        }
    }
}
