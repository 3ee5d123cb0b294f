using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Strata.Mcp;

/// <summary>
/// Mounts the MCP streamable HTTP transport in an ASP.NET Core app (<c>strata serve</c>):
/// <c>services.AddStrataMcp()</c>, then <c>app.MapStrataMcp("/mcp").RequireAuthorization()</c>.
/// </summary>
public static class StrataMcpHttp
{
    public const string DefaultPattern = "/mcp";

    /// <summary>Adds the server with the HTTP transport. The app must register the <see cref="Hosting.KnowledgeBase"/> as a singleton.</summary>
    public static IServiceCollection AddStrataMcp(this IServiceCollection services, StrataMcpOptions? options = null)
    {
        services.AddStrataMcpServer(options ?? new StrataMcpOptions()).WithHttpTransport();
        return services;
    }

    /// <summary>Maps the endpoint; returns its convention builder so the host can put it behind its authentication.</summary>
    public static IEndpointConventionBuilder MapStrataMcp(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern) => endpoints.MapMcp(pattern);
}
