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
    private const string RelaxedPoliteness = "relaxed";
    private const string DefaultPoliteness = "default";
    private const double Megabyte = 1024.0 * 1024;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string root, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var oneHost = await RunVariantAsync(Path.Combine(root, "one-host"), vocabulary, hostCount: 1, cancellationToken);
        var manyHosts = await RunVariantAsync(Path.Combine(root, "many-hosts"), vocabulary, hostCount: FeedCount, cancellationToken);
        var name = $"Feed polling ({FeedCount} feeds × {FeedGenerator.EntriesPerFeed}, one host, relaxed politeness, child process)";
        var spread = $"Feed polling ({FeedCount} feeds on {FeedCount} loopback hosts, default politeness, child process)";
        return
        [
            new ReportRow(name, "first poll: collect + pipeline (s)", $"{oneHost.FirstTotal:F1} ({oneHost.FirstCollect:F1} + {oneHost.FirstTotal - oneHost.FirstCollect:F1})", string.Empty, string.Empty, string.Empty, null),
            new ReportRow(name, "first poll: new items/s (whole poll)", IngestBenchmark.Rate(oneHost.Items / oneHost.FirstTotal), string.Empty, string.Empty, string.Empty, oneHost.AllItems ? null : false),
            new ReportRow(name, "conditional re-poll of unchanged feeds (s)", oneHost.Repoll.ToString("F2", CultureInfo.InvariantCulture), string.Empty, string.Empty, $"< {TargetRepollSeconds:F0} s", oneHost.Repoll < TargetRepollSeconds),
            new ReportRow(name, "re-poll answered 304 (server count)", $"{oneHost.NotModified} / {FeedCount}", string.Empty, string.Empty, $"{FeedCount} / {FeedCount}", oneHost.All304),
            new ReportRow(name, "peak RSS (VmHWM)", $"{oneHost.PeakBytes / Megabyte:F0} MB", string.Empty, string.Empty, "bounded", null),
            new ReportRow(spread, "first poll: collect + pipeline (s)", $"{manyHosts.FirstTotal:F1} ({manyHosts.FirstCollect:F1} + {manyHosts.FirstTotal - manyHosts.FirstCollect:F1})", string.Empty, string.Empty, string.Empty, manyHosts.AllItems ? null : false),
            new ReportRow(spread, "conditional re-poll of unchanged feeds (s)", manyHosts.Repoll.ToString("F2", CultureInfo.InvariantCulture), string.Empty, string.Empty, $"< {TargetRepollSeconds:F0} s", manyHosts.Repoll < TargetRepollSeconds),
            new ReportRow(spread, "re-poll answered 304 (server count)", $"{manyHosts.NotModified} / {FeedCount}", string.Empty, string.Empty, $"{FeedCount} / {FeedCount}", manyHosts.All304),
            new ReportRow(spread, "peak RSS (VmHWM)", $"{manyHosts.PeakBytes / Megabyte:F0} MB", string.Empty, string.Empty, "bounded", null),
        ];
    }

    private static async Task<PollingResult> RunVariantAsync(string root, Vocabulary vocabulary, int hostCount, CancellationToken cancellationToken)
    {
        await using var site = await FeedSite.StartAsync(FeedCount, hostCount, vocabulary, FeedSeed, cancellationToken);
        var urls = Path.Combine(root, "feed-urls.txt");
        Directory.CreateDirectory(root);
        await File.WriteAllLinesAsync(urls, site.FeedUrls.Select(url => url.ToString()), cancellationToken);
        var politeness = hostCount == 1 ? RelaxedPoliteness : DefaultPoliteness;
        var (figures, child) = await ChildFigures.RunSelfAsync([PollOnlyCommand, Path.Combine(root, "store"), urls, politeness], cancellationToken);

        // Discovery (source add) and the first poll send no validators: two 200s per feed; the re-poll: one 304 each.
        var full = site.FullResponses;
        var notModified = site.NotModifiedResponses;
        var result = new PollingResult(
            figures.Count("items"), figures.Count("items") == FeedCount * FeedGenerator.EntriesPerFeed && figures.Count("failed") == 0,
            figures["firstCollect"], figures["firstTotal"], figures["repoll"], notModified.Sum(),
            notModified.All(count => count == 1) && full.All(count => count == 2), Math.Max(child.PeakBytes, (long)figures["vmhwm"] * 1024));
        Out.Line($"  feeds on {site.HostCount} host(s), {politeness} politeness: {figures.Count("sources")} sources added in {figures["add"]:F1} s; first poll {result.Items:N0} new items ({figures.Count("failed")} failed) " +
            $"in {result.FirstTotal:F1} s (collect {result.FirstCollect:F1} s, pipeline {result.FirstTotal - result.FirstCollect:F1} s); re-poll {result.Repoll:F2} s, " +
            $"server 304s {result.NotModified} of {FeedCount} (200s {full.Sum()}); peak RSS {result.PeakBytes / Megabyte:F0} MB");
        return result;
    }

    /// <summary>The child side: add the feeds to a fresh base, poll them, make them due again and re-poll; print the figures.</summary>
    public static async Task<int> PollOnlyAsync(string dataPath, string urlsPath, string politeness, CancellationToken cancellationToken)
    {
        var urls = await File.ReadAllLinesAsync(urlsPath, cancellationToken);
        var options = new StrataOptions();
        if (politeness == RelaxedPoliteness)
        {
            options.Politeness = new PolitenessOptions { MinDelayPerHost = TimeSpan.Zero, MaxConcurrentPerHost = RelaxedConcurrentPerHost };
        }

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
        Check(runs.Count == urls.Length && runs.All(run => run.Outcome.Succeeded), $"first poll: {runs.Count} runs, errors: {string.Join("; ", runs.Select(run => run.Outcome.Error).OfType<string>().Take(3))}");

        foreach (var id in ids)
        {
            await knowledgeBase.SetPausedAsync(id, paused: false, cancellationToken);
        }

        clock.Restart();
        var (again, _) = await knowledgeBase.CollectDueAsync(null, cancellationToken);
        var repoll = clock.Elapsed;
        Check(again.Count == urls.Length && again.All(run => run.Outcome.Succeeded && run.Outcome.New == 0), $"re-poll: {again.Count} runs, {again.Sum(run => run.Outcome.New)} new");

        Out.Line(ChildFigures.Format(
        [
            ("sources", ids.Count), ("add", add.TotalSeconds), ("items", runs.Sum(run => run.Outcome.New)), ("failed", pipeline.Failures.Count),
            ("firstCollect", firstCollect.TotalSeconds), ("firstTotal", firstTotal.TotalSeconds), ("repoll", repoll.TotalSeconds),
            ("vmhwm", ChildProcess.ReadHighWaterMark(Environment.ProcessId)),
        ]));
        return 0;
    }

    /// <summary>What one variant measured.</summary>
    private sealed record PollingResult(int Items, bool AllItems, double FirstCollect, double FirstTotal, double Repoll, int NotModified, bool All304, long PeakBytes);

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
