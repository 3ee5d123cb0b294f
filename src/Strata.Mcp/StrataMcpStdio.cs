using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Hosting;

namespace Strata.Mcp;

/// <summary>Serves MCP over standard input and output (for Claude Code, Claude Desktop, Cursor and other local clients).</summary>
public static class StrataMcpStdio
{
    /// <summary>
    /// Runs until the client closes standard input or <paramref name="cancellationToken"/> fires. Standard output
    /// carries only protocol messages: every log line goes to standard error.
    /// </summary>
    public static async Task RunAsync(KnowledgeBase kb, StrataMcpOptions options, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(settings: null);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(logLevel);
        builder.Services.AddSingleton(kb);
        builder.Services.AddStrataMcpServer(options).WithStdioServerTransport();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
