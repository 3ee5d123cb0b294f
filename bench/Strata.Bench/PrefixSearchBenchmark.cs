using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Strata.Core.Search;
using Strata.Hosting;
using Strata.Hosting.Configuration;

namespace Strata.Bench;

/// <summary>
/// Hidden mode <c>prefix-only dataPath [fts5Database]</c>: times queries that end in a single CJK character (a prefix:
/// <c>"书"*</c>, <c>"知识 识 库"*</c>) through the knowledge base; given the path of a database that still keeps FTS5
/// (opened read-only, first, so it can be the same base before this build migrates it), also the same expressions
/// answered by FTS5 as the store's fallback did before the ranked index read prefixes.
/// </summary>
internal static class PrefixSearchBenchmark
{
    public const string Command = "prefix-only";
    private const int Rounds = 3;

    public static async Task<int> RunAsync(string dataPath, string? fts5Database, CancellationToken cancellationToken)
    {
        var queries = Queries(new Vocabulary(42));
        if (fts5Database is not null)
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fts5Database, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await connection.OpenAsync(cancellationToken);
            var timings = await TimeAsync(queries, async query =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM (SELECT i.rowid, i.text FROM (SELECT rowid, bm25(search_fts, 8.0, 1.0, 4.0) AS score FROM search_fts " +
                    "WHERE search_fts MATCH $q AND rowid NOT IN (SELECT rowid FROM items WHERE duplicate_of IS NOT NULL) ORDER BY score LIMIT 10) m JOIN items i ON i.rowid = m.rowid)";
                command.Parameters.AddWithValue("$q", Fts5QueryBuilder.Build(SearchQueryParser.Parse(query)));
                return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            });
            Report("FTS5 (the fallback before)", timings);
        }

        await using (var knowledgeBase = await KnowledgeBase.OpenAsync(new DataDirectory(dataPath), cancellationToken: cancellationToken))
        {
            var timings = await TimeAsync(queries, async query => (await knowledgeBase.SearchAsync(query, 10, cancellationToken)).Count);
            Report("ranked index", timings);
        }

        return 0;
    }

    /// <summary>40 single characters and 20 two-word phrases ending in one, from the corpus's Chinese words.</summary>
    private static List<string> Queries(Vocabulary vocabulary)
    {
        var random = new Random(11);
        var words = vocabulary.Chinese.Where(word => word.Length >= 2).ToArray();
        var queries = Enumerable.Range(0, 40).Select(i => words[(i < 20 ? random.Next(50) : 50 + random.Next(words.Length - 50))][0].ToString()).ToList();
        queries.AddRange(Enumerable.Range(0, 20).Select(_ => $"\"{words[random.Next(200)]} {words[random.Next(words.Length)][0]}\""));
        return queries;
    }

    private static async Task<List<(double Ms, string Query, int Hits)>> TimeAsync(List<string> queries, Func<string, Task<int>> run)
    {
        var timings = new List<(double, string, int)>();
        for (var round = 0; round < Rounds; round++)
        {
            timings.Clear();
            foreach (var query in queries)
            {
                var stopwatch = Stopwatch.StartNew();
                var hits = await run(query);
                timings.Add((stopwatch.Elapsed.TotalMilliseconds, query, hits));
            }
        }

        return timings;
    }

    private static void Report(string engine, List<(double Ms, string Query, int Hits)> timings)
    {
        var all = timings.Select(timing => timing.Ms).ToArray();
        Out.Line($"{engine}: p50 {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(all, 50))} p95 {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(all, 95))} " +
            $"(single characters p95 {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(all[..40], 95))}, phrases p95 {SearchLatencyBenchmark.Ms(SearchLatencyBenchmark.Percentile(all[40..], 95))})");
        foreach (var (ms, query, hits) in timings.OrderByDescending(timing => timing.Ms).Take(5))
        {
            Out.Line($"  {SearchLatencyBenchmark.Ms(ms),10} {hits,3} {query}");
        }
    }
}
