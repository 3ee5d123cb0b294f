using Spectre.Console;
using Strata.Hosting.Ingest;

namespace Strata.Cli.Output;

/// <summary>Runs an ingest under a progress bar (when interactive) and prints its outcome: one line per problem, then a summary.</summary>
internal static class IngestPrinter
{
    public static async Task<IngestReport> RunWithProgressAsync(Func<IProgress<IngestProgress>?, Task<IngestReport>> run)
    {
        if (!Terminal.IsInteractive)
        {
            return await run(null);
        }

        IngestReport? report = null;
        await Terminal.Ansi.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var collect = context.AddTask("collect", maxValue: 1);
                var process = context.AddTask("process", maxValue: 1);
                var progress = new SynchronousProgress<IngestProgress>(update =>
                {
                    var task = update.Phase == "collect" ? collect : process;
                    task.MaxValue = Math.Max(1, update.Total);
                    task.Value = update.Done;
                });
                report = await run(progress);
                collect.Value = collect.MaxValue;
                process.Value = process.MaxValue;
            });
        return report!;
    }

    public static int Print(IngestReport report, bool json)
    {
        if (json)
        {
            var entries = report.Entries.Select(entry => new IngestEntryJson(entry.Origin, Outcome(entry.Outcome), entry.ItemId, entry.Title, entry.Message)).ToArray();
            Terminal.Json(new IngestSummaryJson(report.Count(IngestOutcome.Added), report.Count(IngestOutcome.AlreadyPresent), report.Count(IngestOutcome.Failed), entries), CliJson.Relaxed.IngestSummaryJson);
        }
        else
        {
            foreach (var entry in report.Entries)
            {
                switch (entry.Outcome)
                {
                    case IngestOutcome.Failed:
                        Terminal.Error($"failed: {entry.Origin}: {entry.Message}");
                        break;
                    case IngestOutcome.AlreadyPresent:
                        Terminal.Line($"skipped: {entry.Origin}: {entry.Message}");
                        break;
                    case IngestOutcome.Added when report.Entries.Count <= 20:
                        Terminal.Line($"added: {entry.ItemId} {entry.Title}");
                        break;
                }
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("added", "already present", "failed");
            table.AddRow(report.Count(IngestOutcome.Added).ToString(), report.Count(IngestOutcome.AlreadyPresent).ToString(), report.Count(IngestOutcome.Failed).ToString());
            Terminal.Write(table);
            if (!report.Processed)
            {
                Terminal.Line("queued: another Strata process (the daemon) is working the queue and will process these items");
            }
        }

        return report.Count(IngestOutcome.Failed) > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static string Outcome(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Added => "added",
        IngestOutcome.AlreadyPresent => "already-present",
        _ => "failed",
    };

    /// <summary>Reports on the calling thread, so the bar moves while work runs (unlike <see cref="Progress{T}"/>'s posting).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();

        public void Report(T value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
