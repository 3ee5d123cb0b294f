using Strata.Core.Pipeline;

namespace Strata.Cli.Output;

/// <summary>Prints the outcome of re-running the queue (reprocess, retry).</summary>
internal static class QueuePrinter
{
    public static int Print(string verb, int queued, PipelineReport report, bool json)
    {
        if (json)
        {
            var failures = report.Failures.Select(failure => new IngestEntryJson(failure.Origin, "failed", failure.ItemId, null, $"{failure.Step}: {failure.Message}")).ToArray();
            Terminal.Json(new QueueJson(queued, report.Processed, failures), CliJson.Relaxed.QueueJson);
        }
        else
        {
            foreach (var failure in report.Failures)
            {
                Terminal.Error($"failed: {failure.Origin}: {failure.Step}: {failure.Message}");
            }

            Terminal.Line($"{verb}: {queued} queued, {report.Processed} processed, {report.Failures.Count} failed");
            if (!report.QueueAvailable)
            {
                Terminal.Line("queued: another Strata process (the daemon) is working the queue and will process these items");
            }
        }

        return report.Failures.Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }
}
