using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Verify every archived original exists and still matches its SHA-256");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var report = await kb.CheckAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new CheckJson(report.Checked, report.Problems.Select(problem => new CheckProblemJson(problem.ItemId, problem.Hash, problem.Message)).ToArray()), CliJson.Relaxed.CheckJson);
            }
            else
            {
                foreach (var problem in report.Problems)
                {
                    Terminal.Error($"{problem.ItemId}: {problem.Message} (sha256 {problem.Hash})");
                }

                Terminal.Line($"checked {report.Checked} original(s): {(report.Problems.Count == 0 ? "all intact" : $"{report.Problems.Count} problem(s)")}");
            }

            return report.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
