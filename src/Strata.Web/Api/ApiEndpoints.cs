using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Strata.Web.Api;

/// <summary>The REST API under <c>/api/v1</c> and its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>Registers what the API needs (the OpenAPI document generator).</summary>
    public static IServiceCollection AddStrataApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Strata API";
            document.Info.Description = "Items, search, sources, tags, digests, ask and usage of one Strata knowledge base. " +
                "Authenticate with 'Authorization: Bearer <token>' (strata token create --name <name>) when the server requires it.";
            return Task.CompletedTask;
        }));
    }

    /// <summary>Maps every API route and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapStrataApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        var api = app.MapGroup(Prefix)
            // Antiforgery is checked by ApiRequestFilter for cookie sessions only; bearer-token clients have no cookie to forge.
            .DisableAntiforgery()
            .AddEndpointFilter<ApiRequestFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapItemsApi();
        api.MapSearchApi();
        api.MapSourcesApi();
        api.MapTagsApi();
        api.MapDigestsApi();
        api.MapAskApi();
        api.MapUsageApi();
        return app;
    }
}
