using Spectre.Console;
using Strata.Hosting;
using Strata.Hosting.Ingest;

namespace Strata.Cli.Output;

/// <summary>Shows a spinner with counts while an import runs (when a person is watching).</summary>
internal static class ImportProgress
{
    public static async Task<ImportReport> RunAsync(Func<IProgress<IngestProgress>?, Task<ImportReport>> run)
    {
        if (!Terminal.IsInteractive)
        {
            return await run(null);
        }

        ImportReport? report = null;
        await Terminal.Ansi.Status().StartAsync("importing…", async context =>
        {
            var progress = new Progress<IngestProgress>(update => context.Status(update.Phase == "import"
                ? $"importing… {update.Done:N0} read"
                : $"fetching… {update.Done:N0} of {update.Total:N0}"));
            report = await run(progress);
        });
        return report!;
    }
}
