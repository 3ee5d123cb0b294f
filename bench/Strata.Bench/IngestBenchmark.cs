using System.Diagnostics;
using System.Globalization;
using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;

namespace Strata.Bench;

/// <summary>Ingest throughput through <see cref="KnowledgeBase.AddAsync"/> against a bare FTS5 insert of the same files.</summary>
internal static class IngestBenchmark
{
    public const double TargetDocsPerSecond = 1000;
    public const double TargetRatio = 0.4;

    /// <summary>Ingests <paramref name="corpus"/> into a fresh store at <paramref name="dataPath"/>, then builds the bare table.</summary>
    public static async Task<(IReadOnlyList<ReportRow> Rows, BareFtsIndex Bare)> RunAsync(string corpus, string dataPath, string barePath, CancellationToken cancellationToken)
    {
        var ours = await IngestAsync(corpus, dataPath, cancellationToken);
        var (bare, bareCount, bareElapsed) = await BareFtsIndex.BuildAsync(barePath, corpus, cancellationToken);
        var ourRate = ours.Added / ours.Elapsed.TotalSeconds;
        var bareRate = bareCount / bareElapsed.TotalSeconds;
        var ratio = ourRate / bareRate;
        var name = $"Ingest ({ours.Added:N0} docs)";
        Out.Line($"  ingest: {ours.Added:N0} added, {ours.Failed} failed in {ours.Elapsed.TotalSeconds:F1} s (collect {ours.Collect.TotalSeconds:F1} s, process {ours.Process.TotalSeconds:F1} s); bare {bareCount:N0} in {bareElapsed.TotalSeconds:F1} s");
        return (
        [
            new ReportRow(name, "docs/s", Rate(ourRate), Rate(bareRate), ratio.ToString("F2", CultureInfo.InvariantCulture), $"≥ {TargetDocsPerSecond:N0} docs/s", ourRate >= TargetDocsPerSecond),
            new ReportRow(name, "ratio to bare FTS5", ratio.ToString("F2", CultureInfo.InvariantCulture), "1.00", string.Empty, $"≥ {TargetRatio:F1}", ratio >= TargetRatio),
            new ReportRow(name, "collect / process phase (s)", $"{ours.Collect.TotalSeconds:F1} / {ours.Process.TotalSeconds:F1}", string.Empty, string.Empty, string.Empty, null),
        ], bare);
    }

    /// <summary>One <c>add</c> of <paramref name="corpus"/> with default options into a fresh store.</summary>
    public static async Task<IngestTiming> IngestAsync(string corpus, string dataPath, CancellationToken cancellationToken)
    {
        var phases = new PhaseClock();
        var stopwatch = Stopwatch.StartNew();
        await using var knowledgeBase = await KnowledgeBase.OpenAsync(new DataDirectory(dataPath), cancellationToken: cancellationToken);
        var report = await knowledgeBase.AddAsync([corpus], new AddOptions(), phases, cancellationToken);
        stopwatch.Stop();
        var collect = phases.CollectEndedAt ?? stopwatch.Elapsed;
        return new IngestTiming(report.Count(IngestOutcome.Added), report.Count(IngestOutcome.Failed), stopwatch.Elapsed, collect, stopwatch.Elapsed - collect);
    }

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + "/s";

    /// <summary>Records when the last "collect" progress arrives (reported synchronously by the collector).</summary>
    private sealed class PhaseClock : IProgress<IngestProgress>
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
        private long _collectEndTicks = -1;

        public TimeSpan? CollectEndedAt => _collectEndTicks < 0 ? null : TimeSpan.FromTicks(Interlocked.Read(ref _collectEndTicks));

        public void Report(IngestProgress value)
        {
            if (value.Phase == "collect" && value.Done == value.Total)
            {
                Interlocked.Exchange(ref _collectEndTicks, _stopwatch.Elapsed.Ticks);
            }
        }
    }
}

/// <summary>The outcome and phase times of one ingest.</summary>
internal sealed record IngestTiming(int Added, int Failed, TimeSpan Elapsed, TimeSpan Collect, TimeSpan Process);
