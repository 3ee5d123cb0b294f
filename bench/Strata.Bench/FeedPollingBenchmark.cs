using System.Diagnostics;
using System.Globalization;
using Strata.Core.Pipeline;
using Strata.Core.Sources;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Sources.Http;

namespace Strata.Bench;

/// <summary>
/// Polls <see cref="FeedCount"/> local feeds of <see cref="FeedGenerator.EntriesPerFeed"/> full-content entries:
/// the first poll (collect, then the pipeline over every new item) and a conditional re-poll of the unchanged feeds,
/// in a child process (this program's hidden <c>poll-only</c> mode) for its peak memory. The server stays here and
/// its counters check that every re-poll got a 304.
/// </summary>
internal static class FeedPollingBenchmark
{
    public const string PollOnlyCommand = "poll-only";
    public const int FeedCount = 200;
    public const double TargetRepollSeconds = 2;
    public const int RelaxedConcurrentPerHost = 16;
    private const int FeedSeed = 11;
    private const double Megabyte = 1024.0 * 1024;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string root, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        await using var site = await FeedSite.StartAsync(FeedCount, hostCount: 1, vocabulary, FeedSeed, cancellationToken);
        var urls = Path.Combine(root, "feed-urls.txt");
        Directory.CreateDirectory(root);
        await File.WriteAllLinesAsync(urls, site.FeedUrls.Select(url => url.ToString()), cancellationToken);
        var (figures, child) = await ChildFigures.RunSelfAsync([PollOnlyCommand, Path.Combine(root, "feed-store"), urls], cancellationToken);

        // Discovery (source add) and the first poll send no validators: two 200s per feed; the re-poll: one 304 each.
        var full = site.FullResponses;
        var notModified = site.NotModifiedResponses;
        var all304 = notModified.All(count => count == 1) && full.All(count => count == 2);
        var peak = Math.Max(child.PeakBytes, (long)figures["vmhwm"] * 1024);
        var items = figures.Count("items");
        var firstTotal = figures["firstTotal"];
        var firstCollect = figures["firstCollect"];
        var repoll = figures["repoll"];
        Out.Line($"  feeds: {figures.Count("sources")} sources added in {figures["add"]:F1} s; first poll {items:N0} new items ({figures.Count("failed")} failed) in {firstTotal:F1} s " +
            $"(collect {firstCollect:F1} s, pipeline {firstTotal - firstCollect:F1} s); re-poll {repoll:F2} s, server 304s {notModified.Sum()} of {FeedCount} (200s {full.Sum()}); peak RSS {peak / Megabyte:F0} MB");
        var name = $"Feed polling ({FeedCount} feeds × {FeedGenerator.EntriesPerFeed}, child process)";
        return
        [
            new ReportRow(name, "first poll: collect + pipeline (s)", $"{firstTotal:F1} ({firstCollect:F1} + {firstTotal - firstCollect:F1})", string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "first poll: new items/s (whole poll)", IngestBenchmark.Rate(items / firstTotal), string.Empty, string.Empty, string.Empty, items == FeedCount * FeedGenerator.EntriesPerFeed ? null : false),
            new ReportRow(name, "conditional re-poll of unchanged feeds (s)", repoll.ToString("F2", CultureInfo.InvariantCulture), string.Empty, string.Empty, $"< {TargetRepollSeconds:F0} s", repoll < TargetRepollSeconds),
            new ReportRow(name, "re-poll answered 304 (server count)", $"{notModified.Sum()} / {FeedCount}", string.Empty, string.Empty, $"{FeedCount} / {FeedCount}", all304),
            new ReportRow(name, "peak RSS (VmHWM)", $"{peak / Megabyte:F0} MB", string.Empty, string.Empty, "bounded", null),
        ];
    }

    /// <summary>The child side: add the feeds to a fresh base, poll them, make them due again and re-poll; print the figures.</summary>
    public static async Task<int> PollOnlyAsync(string dataPath, string urlsPath, CancellationToken cancellationToken)
    {
        var urls = await File.ReadAllLinesAsync(urlsPath, cancellationToken);
        var options = new StrataOptions
        {
            Politeness = new PolitenessOptions { MinDelayPerHost = TimeSpan.Zero, MaxConcurrentPerHost = RelaxedConcurrentPerHost },
        };
        await using var knowledgeBase = await KnowledgeBase.OpenAsync(new DataDirectory(dataPath), options, cancellationToken: cancellationToken);

        var clock = Stopwatch.StartNew();
        var ids = new List<string>(urls.Length);
        foreach (var url in urls)
        {
            ids.Add((await knowledgeBase.AddSourceAsync(SourceType.Feed, url, new SourceRequest(), cancellationToken)).Source.Id);
        }

        var add = clock.Elapsed;
        clock.Restart();
        var pipelineStart = new FirstReportClock(clock);
        var (runs, pipeline) = await knowledgeBase.CollectDueAsync(pipelineStart, cancellationToken);
        var firstTotal = clock.Elapsed;
        var firstCollect = pipelineStart.At ?? firstTotal;
        Check(runs.Count == urls.Length && runs.All(run => run.Result.Succeeded), $"first poll: {runs.Count} runs, errors: {string.Join("; ", runs.Select(run => run.Result.Error).OfType<string>().Take(3))}");

        foreach (var id in ids)
        {
            await knowledgeBase.SetPausedAsync(id, paused: false, cancellationToken);
        }

        clock.Restart();
        var (again, _) = await knowledgeBase.CollectDueAsync(null, cancellationToken);
        var repoll = clock.Elapsed;
        Check(again.Count == urls.Length && again.All(run => run.Result.Succeeded && run.Result.New == 0), $"re-poll: {again.Count} runs, {again.Sum(run => run.Result.New)} new");

        Out.Line(ChildFigures.Format(
        [
            ("sources", ids.Count), ("add", add.TotalSeconds), ("items", runs.Sum(run => run.Result.New)), ("failed", pipeline.Failures.Count),
            ("firstCollect", firstCollect.TotalSeconds), ("firstTotal", firstTotal.TotalSeconds), ("repoll", repoll.TotalSeconds),
            ("vmhwm", ChildProcess.ReadHighWaterMark(Environment.ProcessId)),
        ]));
        return 0;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>Notes when the pipeline's first progress report arrives (synchronously, once collection has ended).</summary>
    private sealed class FirstReportClock(Stopwatch clock) : IProgress<PipelineProgress>
    {
        private long _ticks = -1;

        public TimeSpan? At => Interlocked.Read(ref _ticks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

        public void Report(PipelineProgress value) => Interlocked.CompareExchange(ref _ticks, clock.Elapsed.Ticks, -1);
    }
}
