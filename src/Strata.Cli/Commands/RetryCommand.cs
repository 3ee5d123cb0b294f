using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class RetryCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Also retry permanent failures (404, damaged files)" };
        var command = new Command("retry", "Retry items whose processing failed for a transient reason (timeouts, server errors)") { all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var (queued, report) = await kb.RetryAsync(parse.GetValue(all), null, cancellationToken);
            return QueuePrinter.Print("retry", queued, report, parse.GetValue(GlobalOptions.Json));
        });
        return command;
    }
}
