using System.Diagnostics;
using System.Globalization;
using Strata.Hosting;
using Strata.Hosting.Configuration;

namespace Strata.Bench;

/// <summary>Keyword search latency through <see cref="KnowledgeBase.SearchAsync(string, int, CancellationToken)"/> against bare FTS5 rowid queries.</summary>
internal static class SearchLatencyBenchmark
{
    public const double TargetP95Milliseconds = 10;
    public const double TargetRatio = 2;
    private const int Limit = 10;
    private const int WarmUpRounds = 2;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string label, string dataPath, BareFtsIndex bare, IReadOnlyList<BenchQuery> queries, bool withTargets, CancellationToken cancellationToken)
    {
        await using var knowledgeBase = await KnowledgeBase.OpenAsync(new DataDirectory(dataPath), cancellationToken: cancellationToken);
        var ours = new double[queries.Count];
        var baseline = new double[queries.Count];
        var byKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var bareByKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var empty = 0;
        for (var round = 0; round <= WarmUpRounds; round++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var results = await knowledgeBase.SearchAsync(queries[i].Strata, Limit, cancellationToken);
                ours[i] = stopwatch.Elapsed.TotalMilliseconds;
                stopwatch.Restart();
                await bare.SearchAsync(queries[i].Bare, Limit, cancellationToken);
                baseline[i] = stopwatch.Elapsed.TotalMilliseconds;
                if (round == WarmUpRounds)
                {
                    empty += results.Count == 0 ? 1 : 0;
                    AddSample(byKind, queries[i].Kind, ours[i]);
                    AddSample(bareByKind, queries[i].Kind, baseline[i]);
                }
            }
        }

        var (p50, p95) = (Percentile(ours, 50), Percentile(ours, 95));
        var (b50, b95) = (Percentile(baseline, 50), Percentile(baseline, 95));
        var ratio = p95 / b95;
        var kinds = string.Join(", ", byKind.Select(pair => $"{pair.Key} {Ms(Percentile(pair.Value, 95))} (bare {Ms(Percentile(bareByKind[pair.Key], 95))})"));
        Out.Line($"  search {label}: p50 {Ms(p50)} p95 {Ms(p95)} max {Ms(ours.Max())}; bare p50 {Ms(b50)} p95 {Ms(b95)}; {empty} of {queries.Count} empty; p95 by kind: {kinds}");
        var name = $"Search ({label}, {queries.Count} queries)";
        return
        [
            new ReportRow(name, "p50", Ms(p50), Ms(b50), (p50 / b50).ToString("F1", CultureInfo.InvariantCulture), string.Empty, null),
            new ReportRow(name, "p95", Ms(p95), Ms(b95), ratio.ToString("F1", CultureInfo.InvariantCulture), withTargets ? $"≤ {TargetP95Milliseconds:F0} ms" : string.Empty, withTargets ? p95 <= TargetP95Milliseconds : null),
            new ReportRow(name, "p95 ratio to bare FTS5", ratio.ToString("F1", CultureInfo.InvariantCulture), "1.0", string.Empty, withTargets ? $"≤ {TargetRatio:F0}×" : string.Empty, withTargets ? ratio <= TargetRatio : null),
            new ReportRow(name, "p95 by query kind", kinds, string.Empty, string.Empty, string.Empty, null),
        ];
    }

    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F2" : "F0", CultureInfo.InvariantCulture) + " ms";

    private static void AddSample(Dictionary<string, List<double>> byKind, string kind, double value)
    {
        if (!byKind.TryGetValue(kind, out var list))
        {
            list = [];
            byKind[kind] = list;
        }

        list.Add(value);
    }
}
