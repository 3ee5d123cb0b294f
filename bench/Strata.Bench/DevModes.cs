using System.Globalization;
using Strata.Hosting;
using Strata.Hosting.Configuration;

namespace Strata.Bench;

/// <summary>
/// Hidden modes for iterating on one benchmark without the whole run: <c>corpus-only folder count seed</c> writes a
/// corpus; <c>search-only dataPath</c> times the 200 queries on an existing store (no baseline); <c>ask-only dataPath</c>
/// times the ask overhead (retrieval + packing) on an existing store.
/// </summary>
internal static class DevModes
{
    public const string CorpusOnlyCommand = "corpus-only";
    public const string SearchOnlyCommand = "search-only";
    public const string AskOnlyCommand = "ask-only";
    private const int VocabularySeed = 42;
    private const int QuerySeed = 7;

    public static int WriteCorpus(string folder, string count, string seed)
    {
        var bytes = CorpusGenerator.Generate(folder, int.Parse(count, CultureInfo.InvariantCulture), int.Parse(seed, CultureInfo.InvariantCulture), new Vocabulary(VocabularySeed));
        Out.Line($"wrote {bytes / 1048576.0:F0} MB to {folder}");
        return 0;
    }

    /// <summary>Times the query set (only the queries of kind <paramref name="only"/> when given, e.g. <c>phrase</c>).</summary>
    public static async Task<int> SearchAsync(string dataPath, string? only, CancellationToken cancellationToken)
    {
        var queries = QuerySet.Create(new Vocabulary(VocabularySeed), QuerySeed).Where(query => only is null || query.Kind == only).ToArray();
        await using var knowledgeBase = await KnowledgeBase.OpenAsync(new DataDirectory(dataPath), cancellationToken: cancellationToken);
        var timings = new List<(double Ms, BenchQuery Query, int Hits)>();
        // Process CPU (all threads, GC included) per query as well as wall time: on a loaded machine it moves far less.
        var cpu = new Dictionary<string, double>();
        var fastest = new double[queries.Length]; // each query's best wall time over the rounds: what contention leaves alone
        Array.Fill(fastest, double.MaxValue);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var round = 0; round < 3; round++)
        {
            timings.Clear();
            cpu.Clear();
            foreach (var query in queries)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                var results = await knowledgeBase.SearchAsync(query.Strata, 10, cancellationToken);
                timings.Add((stopwatch.Elapsed.TotalMilliseconds, query, results.Count));
                fastest[timings.Count - 1] = Math.Min(fastest[timings.Count - 1], stopwatch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu[query.Kind] = cpu.GetValueOrDefault(query.Kind) + (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            }
        }

        var all = timings.Select(timing => timing.Ms).ToArray();
        Out.Line($"p50 {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(all, 50))} p95 {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(all, 95))}; " +
            $"process CPU {SearchLatencyBenchmark.Ms(cpu.Values.Sum() / timings.Count)} per query; best of 3 rounds: mean {SearchLatencyBenchmark.Ms(fastest.Average())}");
        foreach (var kind in timings.GroupBy(timing => timing.Query.Kind))
        {
            Out.Line($"  {kind.Key}: p95 {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(kind.Select(timing => timing.Ms).ToArray(), 95))}, CPU {SearchLatencyBenchmark.Ms(cpu[kind.Key] / kind.Count())} per query, " +
                $"best-of-3 mean {SearchLatencyBenchmark.Ms(queries.Select((query, index) => (query, index)).Where(pair => pair.query.Kind == kind.Key).Average(pair => fastest[pair.index]))}");
        }

        foreach (var (ms, query, hits) in timings.OrderByDescending(timing => timing.Ms).Take(15))
        {
            Out.Line($"  {SearchLatencyBenchmark.Ms(ms),10} {hits,3} {query.Kind,-8} {query.Strata}");
        }

        return 0;
    }

    public static async Task<int> AskAsync(string dataPath, CancellationToken cancellationToken)
    {
        await using var knowledgeBase = await KnowledgeBase.OpenAsync(new DataDirectory(dataPath), cancellationToken: cancellationToken);
        var documents = (await knowledgeBase.StatisticsAsync(cancellationToken)).Items;
        await SummariesBenchmark.MeasureAskAsync(knowledgeBase, documents, new Vocabulary(VocabularySeed), cancellationToken);
        return 0;
    }
}
