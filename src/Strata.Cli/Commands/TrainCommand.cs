using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata train</c>: retrain the learned classifier now (it also retrains by itself when labels change).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var reclassify = new Option<bool>("--reclassify") { Description = "Afterwards, re-run classification on every item already in the base" };
        var command = new Command("train", "Train the learned tag and category classifier on the items you labelled") { reclassify };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var report = await kb.TrainClassifierAsync(force: true, cancellationToken);
            Terminal.Line(report.Message + (report.Trained ? $" in {report.Seconds:0.00} s" : string.Empty));
            if (parse.GetValue(reclassify))
            {
                var count = await kb.ReclassifyAllAsync(cancellationToken);
                Terminal.Line($"reclassified {count:N0} item(s)");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
