using System.Diagnostics;
using System.Globalization;
using Strata.Core.Extraction;
using Strata.Sources.Extractors.Html;

namespace Strata.Bench;

/// <summary>HTML article extraction throughput over the Mozilla Readability test pages.</summary>
internal static class ExtractionBenchmark
{
    public const double TargetPagesPerSecond = 150;
    private const int WarmUpPasses = 3;
    private const int TimedPasses = 5;
    private const int Threads = 2;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string pagesFolder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(pagesFolder))
        {
            Out.Line($"  extraction: skipped, {pagesFolder} not found");
            return [new ReportRow("HTML extraction", "pages/s", "skipped (pages not found)", string.Empty, string.Empty, $"≥ {TargetPagesPerSecond:F0} pages/s", null)];
        }

        var pages = Directory.GetDirectories(pagesFolder).Order(StringComparer.Ordinal)
            .Select(folder => Path.Combine(folder, "source.html")).Where(File.Exists).Select(File.ReadAllBytes).ToArray();
        var extractor = new HtmlArticleExtractor();
        var failures = 0;

        async Task ExtractOneAsync(byte[] page, CancellationToken token)
        {
            try
            {
                await extractor.ExtractAsync(new ExtractionInput(page, MediaTypes.Html), token);
            }
            catch (ExtractionException)
            {
                Interlocked.Increment(ref failures);
            }
        }

        for (var pass = 0; pass < WarmUpPasses; pass++)
        {
            foreach (var page in pages)
            {
                await ExtractOneAsync(page, cancellationToken);
            }
        }

        var stopwatch = Stopwatch.StartNew();
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            foreach (var page in pages)
            {
                await ExtractOneAsync(page, cancellationToken);
            }
        }

        var single = pages.Length * TimedPasses / stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            await Parallel.ForAsync(0, pages.Length, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancellationToken }, async (index, token) => await ExtractOneAsync(pages[index], token));
        }

        var parallel = pages.Length * TimedPasses / stopwatch.Elapsed.TotalSeconds;
        var megabytes = pages.Sum(page => (long)page.Length) / 1024.0 / 1024.0;
        Out.Line($"  extraction: {pages.Length} pages ({megabytes:F1} MB), {single:F0} pages/s on 1 thread, {parallel:F0} pages/s on {Threads}; {failures / (WarmUpPasses + (2 * TimedPasses))} pages refused per pass");
        var name = $"HTML extraction ({pages.Length} Readability pages, {megabytes:F1} MB)";
        return
        [
            new ReportRow(name, "pages/s, 1 thread", single.ToString("F0", CultureInfo.InvariantCulture), string.Empty, string.Empty, $"≥ {TargetPagesPerSecond:F0}", single >= TargetPagesPerSecond),
            new ReportRow(name, $"pages/s, {Threads} threads", parallel.ToString("F0", CultureInfo.InvariantCulture), string.Empty, string.Empty, $"≥ {TargetPagesPerSecond:F0}", parallel >= TargetPagesPerSecond),
        ];
    }
}
