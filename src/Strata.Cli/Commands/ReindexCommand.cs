using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the ranked keyword index from the stored items (once, after upgrading a base made by an older Strata; search works meanwhile, only slower)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            int count;
            if (Terminal.IsInteractive)
            {
                count = 0;
                await Terminal.Ansi.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("reindex", maxValue: 1);
                        var progress = new Progress<(int Done, int Total)>(update =>
                        {
                            task.MaxValue = Math.Max(1, update.Total);
                            task.Value = update.Done;
                        });
                        count = await kb.RebuildRankedIndexAsync(progress, cancellationToken);
                        task.Value = task.MaxValue;
                    });
            }
            else
            {
                count = await kb.RebuildRankedIndexAsync(null, cancellationToken);
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new ReindexJson(count, Math.Round(stopwatch.Elapsed.TotalSeconds, 1)), CliJson.Relaxed.ReindexJson);
            }
            else
            {
                Terminal.Line($"reindexed {count:N0} items in {stopwatch.Elapsed.TotalSeconds:F1} s");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
