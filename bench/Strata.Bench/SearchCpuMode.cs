using System.Globalization;
using Strata.Hosting;
using Strata.Hosting.Configuration;

namespace Strata.Bench;

/// <summary>
/// Hidden mode <c>search-cpu dataPath rounds [resultsFile|-] [kind]</c>: runs the query set warm for several rounds and reports
/// process CPU per query (robust to other load on the machine), per kind and the costliest queries; with a results
/// file it writes every query's hits (id, score, snippet) so two builds can be compared for identical answers.
/// </summary>
internal static class SearchCpuMode
{
    public const string Command = "search-cpu";
    private const int VocabularySeed = 42;
    private const int QuerySeed = 7;

    public static async Task<int> RunAsync(string dataPath, string rounds, string? resultsFile, string? kind, CancellationToken cancellationToken)
    {
        var queries = QuerySet.Create(new Vocabulary(VocabularySeed), QuerySeed).Where(query => kind is null || query.Kind == kind).ToArray();
        await using var knowledgeBase = await KnowledgeBase.OpenAsync(new DataDirectory(dataPath), cancellationToken: cancellationToken);
        var lines = new List<string>();
        foreach (var query in queries)
        {
            foreach (var hit in await knowledgeBase.SearchAsync(query.Strata, 10, cancellationToken))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{query.Strata}\t{hit.Item.Id}\t{hit.Score:R}\t{hit.Snippet}"));
            }
        }

        if (resultsFile is not null and not "-")
        {
            await File.WriteAllLinesAsync(resultsFile, lines, cancellationToken);
        }

        var count = int.Parse(rounds, CultureInfo.InvariantCulture);
        var cpu = new double[queries.Length];
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        for (var round = 0; round < count; round++)
        {
            for (var i = 0; i < queries.Length; i++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                await knowledgeBase.SearchAsync(queries[i].Strata, 10, cancellationToken);
                process.Refresh();
                cpu[i] += (process.TotalProcessorTime - before).TotalMilliseconds;
            }
        }

        process.Refresh();
        var total = (process.TotalProcessorTime - start).TotalMilliseconds;
        Out.Line(string.Create(CultureInfo.InvariantCulture, $"process CPU {total / (count * queries.Length):F3} ms per query ({count} rounds of {queries.Length})"));
        foreach (var group in queries.Select((query, index) => (query.Kind, Cpu: cpu[index])).GroupBy(pair => pair.Kind))
        {
            Out.Line(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-8} {group.Count(),3} queries: {group.Average(pair => pair.Cpu) / count:F3} ms each, {group.Sum(pair => pair.Cpu) / total:P0} of all"));
        }

        foreach (var (query, ms) in queries.Zip(cpu).OrderByDescending(pair => pair.Second).Take(20))
        {
            Out.Line(string.Create(CultureInfo.InvariantCulture, $"  {ms / count,8:F3} ms {query.Kind,-8} {query.Strata}"));
        }

        return 0;
    }
}
