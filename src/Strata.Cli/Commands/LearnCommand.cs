using System.CommandLine;
using System.Globalization;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata learn optimize</c>: fit personal FSRS parameters to the review log.</summary>
internal static class LearnCommand
{
    public static Command Create()
    {
        var command = new Command("learn", "Tune how cards are scheduled");
        var dryRun = new Option<bool>("--dry-run") { Description = "Report the fit without keeping the parameters" };
        var optimize = new Command("optimize", "Fit personal FSRS parameters to your review history and report the log loss before and after") { dryRun };
        optimize.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var save = !parse.GetValue(dryRun);
            var report = await kb.OptimizeParametersAsync(save, cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(new OptimizeJson(report.Reviews, report.TrainingReviews, Round(report.LogLossBefore), Round(report.LogLossAfter),
                    Round(report.HeldOutLogLossBefore), Round(report.HeldOutLogLossAfter),
                    report.Fitted?.Weights.Select(w => Math.Round(w, 4)).ToArray(), save && report.Fitted is not null, report.Notice), MemoryJson.Relaxed.OptimizeJson);
                return ExitCodes.Success;
            }

            Terminal.Line($"review log: {report.Reviews} reviews, {report.TrainingReviews} a day or more after the card's previous review");
            if (report.LogLossBefore is { } before)
            {
                Terminal.Line($"log loss with the current parameters: {before.ToString("0.0000", CultureInfo.InvariantCulture)}");
            }

            if (report.LogLossAfter is { } after)
            {
                Terminal.Line($"log loss with fitted parameters:      {after.ToString("0.0000", CultureInfo.InvariantCulture)} (on the whole history)");
            }

            if (report.HeldOutLogLossBefore is { } heldBefore && report.HeldOutLogLossAfter is { } heldAfter)
            {
                Terminal.Line($"on the fifth of the cards held out of the fit: {heldBefore.ToString("0.0000", CultureInfo.InvariantCulture)} → {heldAfter.ToString("0.0000", CultureInfo.InvariantCulture)}");
            }

            if (report.Notice is not null)
            {
                Terminal.Line(report.Notice);
            }

            if (report.Fitted is not null)
            {
                Terminal.Line("weights: " + string.Join(", ", report.Fitted.Weights.Select(w => w.ToString("0.####", CultureInfo.InvariantCulture))));
                Terminal.Line(save ? "saved: reviews are scheduled with these from now on" : "not saved (--dry-run)");
            }

            return ExitCodes.Success;
        });
        command.Subcommands.Add(optimize);
        return command;
    }

    private static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 6);
}
