using System.CommandLine;
using Microsoft.Extensions.Logging;
using Strata.Mcp;

namespace Strata.Cli.Commands;

internal static class McpCommand
{
    public static Command Create()
    {
        var readOnly = new Option<bool>("--read-only") { Description = "Serve only reading tools (search, get_item, recent, ask, digest): add and tag are disabled" };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request to standard error" };
        var command = new Command("mcp", "Serve the knowledge base to AI agents over the Model Context Protocol (stdio); see docs/mcp.md") { readOnly, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Standard output belongs to the protocol: nothing else may write to it from here on.
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var options = new StrataMcpOptions { ReadOnly = parse.GetValue(readOnly) };
            await StrataMcpStdio.RunAsync(kb, options, parse.GetValue(verbose) ? LogLevel.Debug : LogLevel.Warning, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
