using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Strata.Mcp.Resources;
using Strata.Mcp.Tools;

namespace Strata.Mcp;

/// <summary>The Strata MCP server's tools and resources, whatever the transport.</summary>
public static class StrataMcpServer
{
    public const string ServerName = "strata";

    /// <summary>The tools that change the base; absent in read-only mode.</summary>
    public static readonly IReadOnlySet<string> WriteTools = new HashSet<string>(StringComparer.Ordinal) { AddTool.Name, TagTool.Name };

    private const string Instructions = """
        Strata is the user's personal knowledge base: articles, papers, notes and files they saved, extracted to text and indexed.
        Use it as long-term memory: search (or ask) before answering from general knowledge when the user's own material may know more; recent shows what is new.
        Cite items by title and id. Save things worth remembering with add (the item records that you added it).
        """;

    /// <summary>
    /// Adds Strata's MCP server to <paramref name="services"/> and returns its builder for a transport to be chosen.
    /// The <see cref="Hosting.KnowledgeBase"/> must be registered by the caller (as a singleton).
    /// </summary>
    public static IMcpServerBuilder AddStrataMcpServer(this IServiceCollection services, StrataMcpOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddMcpServer(server =>
        {
            server.ServerInfo = new Implementation { Name = ServerName, Title = "Strata knowledge base", Version = typeof(StrataMcpServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" };
            server.ServerInstructions = Instructions + (options.ReadOnly ? "\nThis server is read-only: add and tag are disabled." : string.Empty);
        });
        var json = StrataMcpJson.Options;
        builder.WithTools<SearchTool>(json).WithTools<GetItemTool>(json).WithTools<RecentTool>(json).WithTools<AskTool>(json).WithTools<DigestTool>(json)
            .WithResources<ItemResources>();
        // Bad arguments are the caller's to fix: their message goes back as the tool's error, not to the error log.
        builder.WithRequestFilters(filters => filters.AddCallToolFilter(next => async (request, cancellationToken) =>
        {
            try
            {
                return await next(request, cancellationToken).ConfigureAwait(false);
            }
            catch (McpException exception) when (exception is not McpProtocolException)
            {
                return ToolError(exception.Message);
            }
            catch (Exception exception) when (exception is System.Text.Json.JsonException or ArgumentException)
            {
                // Arguments that do not fit the tool's schema (a word where a number belongs, a missing query).
                return ToolError($"invalid arguments for '{request.Params?.Name}' (see its input schema): {exception.Message}");
            }
        }));
        if (options.ReadOnly)
        {
            // Unlisted, and a call by name says why instead of "unknown tool".
            builder.WithRequestFilters(filters => filters.AddCallToolFilter(next => (request, cancellationToken) =>
                request.Params?.Name is { } name && WriteTools.Contains(name)
                    ? ValueTask.FromResult(ToolError($"'{name}' is disabled: this Strata MCP server is read-only (started with --read-only)"))
                    : next(request, cancellationToken)));
        }
        else
        {
            builder.WithTools<AddTool>(json).WithTools<TagTool>(json);
        }

        return builder;
    }

    private static CallToolResult ToolError(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
