using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "Items by kind and state, failures, and store size");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var stats = await kb.StatisticsAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new StatsJson(stats.Items, stats.ByKind.ToDictionary(), stats.ByState.ToDictionary(), stats.Failed, stats.PendingJobs, stats.DatabaseBytes, stats.BlobBytes), CliJson.Relaxed.StatsJson);
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("", "count");
            table.AddRow("[bold]items[/]", stats.Items.ToString("N0"));
            foreach (var (kind, count) in stats.ByKind.OrderBy(pair => pair.Key))
            {
                table.AddRow($"  kind: {kind}", count.ToString("N0"));
            }

            foreach (var (state, count) in stats.ByState.OrderBy(pair => pair.Key))
            {
                table.AddRow($"  state: {state}", count.ToString("N0"));
            }

            table.AddRow("failed", stats.Failed.ToString("N0"));
            table.AddRow("queued jobs", stats.PendingJobs.ToString("N0"));
            table.AddRow("database", $"{stats.DatabaseBytes / 1048576.0:0.0} MB");
            table.AddRow("originals", $"{stats.BlobBytes / 1048576.0:0.0} MB");
            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
