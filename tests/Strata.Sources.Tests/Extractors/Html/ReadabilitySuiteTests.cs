using System.Diagnostics;
using Strata.Core.Extraction;
using Strata.Sources.Extractors.Html;
using Xunit;
using Xunit.Abstractions;

namespace Strata.Sources.Tests.Extractors.Html;

public sealed class ReadabilitySuiteTests(ITestOutputHelper output)
{
    private const int TuningPages = 100;
    private const int TimingRounds = 3;
    private const int WarmUpRounds = 5;
    private const int TimingRepeats = 3;

    // Set just under the measured figures so that a regression fails.
    private const double MinF1 = 0.993;
    private const double MinHeldOutF1 = 0.99;
    private const int MinTitleMatches = 127;
    private const int MinBylineMatches = 73;
    private static readonly Uri PageUri = new("http://fakehost/test/page.html");

    private readonly HtmlArticleExtractor _extractor = new();

    [Fact]
    public async Task Extract_ReadabilityTestPages_MeetsQualityThresholds()
    {
        var pages = ReadabilityPage.LoadAll();
        Assert.True(pages.Count >= 100, $"expected the Readability test pages under shared/data/readability, found {pages.Count}");

        var scores = new List<PageScore>(pages.Count);
        foreach (var page in pages)
        {
            scores.Add(await ScoreAsync(page));
        }

        var tuning = SuiteFigures.Of("tuning (first 100)", scores.Take(TuningPages).ToList());
        var heldOut = SuiteFigures.Of($"held out (last {scores.Count - TuningPages})", scores.Skip(TuningPages).ToList());
        var all = SuiteFigures.Of("all", scores);
        foreach (var part in (SuiteFigures[])[tuning, heldOut, all])
        {
            output.WriteLine($"{part.Part}: F1 {part.F1:F4} recall {part.Recall:F4} precision {part.Precision:F4} titles {part.TitleMatches}/{part.Pages} bylines {part.BylineMatches}/{part.BylinePages} raw-Markdown F1 {part.RawF1:F4}");
        }

        foreach (var score in scores.OrderBy(s => s.F1).Take(15))
        {
            output.WriteLine($"  {score.Name}: F1 {score.F1:F3} R {score.Recall:F3} P {score.Precision:F3} title {score.TitleMatch} byline {score.BylineMatch}");
        }

        if (Environment.GetEnvironmentVariable("STRATA_WRITE_REPORTS") == "1")
        {
            var speed = await MeasureSpeedAsync(pages);
            output.WriteLine($"speed: {speed.SingleThreaded:F0} pages/s single-threaded ({speed.PerCpuSecond:F0} per CPU second), {speed.TwoThreads:F0} pages/s on 2 threads");
            WriteReport(ExtractionReport.Render([tuning, heldOut, all], scores, speed));
        }

        Assert.True(all.F1 >= MinF1, $"mean F1 {all.F1:F4} fell below {MinF1}");
        Assert.True(heldOut.F1 >= MinHeldOutF1, $"held-out mean F1 {heldOut.F1:F4} fell below {MinHeldOutF1}");
        Assert.True(all.TitleMatches >= MinTitleMatches, $"title matches {all.TitleMatches} fell below {MinTitleMatches}");
        Assert.True(all.BylineMatches >= MinBylineMatches, $"byline matches {all.BylineMatches} fell below {MinBylineMatches}");
    }

    [Fact]
    public async Task Extract_ReadabilityTestPagesOnTwoThreads_GivesSameTextAsOneThread()
    {
        var pages = ReadabilityPage.LoadAll().Take(40).ToList();
        Assert.NotEmpty(pages);
        var sequential = new List<string>();
        foreach (var page in pages)
        {
            sequential.Add((await ExtractAsync(page)).Text);
        }

        var parallel = new string[pages.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, _) =>
            parallel[i] = (await ExtractAsync(pages[i])).Text);

        Assert.Equal(sequential, parallel);
    }

    private async Task<PageScore> ScoreAsync(ReadabilityPage page)
    {
        var document = await ExtractAsync(page);
        var (recall, precision) = TextOverlap.Score(page.ExpectedText, TextOverlap.VisibleText(document.Text));
        var (rawRecall, rawPrecision) = TextOverlap.Score(page.ExpectedText, document.Text);
        var titleMatch = Normalize(document.Title) == Normalize(page.ExpectedTitle);
        bool? bylineMatch = page.ExpectedByline is null ? null : Normalize(document.Byline) == Normalize(page.ExpectedByline);
        return new PageScore(page.Name, recall, precision, titleMatch, bylineMatch, TextOverlap.F1(rawRecall, rawPrecision));
    }

    private Task<ExtractedDocument> ExtractAsync(ReadabilityPage page) =>
        _extractor.ExtractAsync(new ExtractionInput(page.Source, MediaTypes.Html) { SourceUri = PageUri }, CancellationToken.None);

    private async Task<SpeedFigures> MeasureSpeedAsync(IReadOnlyList<ReadabilityPage> pages)
    {
        for (var round = 0; round < WarmUpRounds; round++)
        {
            foreach (var page in pages)
            {
                await ExtractAsync(page);
            }
        }

        var work = Enumerable.Range(0, TimingRounds).SelectMany(_ => pages).ToList();
        double single = 0, singleCpu = 0, parallel = 0;
        for (var repeat = 0; repeat < TimingRepeats; repeat++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var page in work)
            {
                await ExtractAsync(page);
            }

            single = Math.Max(single, work.Count / watch.Elapsed.TotalSeconds);
            singleCpu = Math.Max(singleCpu, work.Count / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            watch.Restart();
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (page, _) => await ExtractAsync(page));
            parallel = Math.Max(parallel, work.Count / watch.Elapsed.TotalSeconds);
        }

        return new SpeedFigures(single, parallel, singleCpu, Environment.ProcessorCount);
    }

    private static void WriteReport(string markdown)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Strata.slnx")))
            {
                File.WriteAllText(Path.Combine(directory.FullName, "docs", "extraction.md"), markdown);
                return;
            }
        }
    }

    private static string Normalize(string? value) => string.Join(' ', (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
