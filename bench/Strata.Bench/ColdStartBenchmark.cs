using System.Globalization;

namespace Strata.Bench;

/// <summary>Wall time of the published CLI's <c>strata search</c>, process start to exit.</summary>
internal static class ColdStartBenchmark
{
    public const double TargetMilliseconds = 300;
    private const int Runs = 10;

    public static async Task<IReadOnlyList<ReportRow>> RunAsync(string repositoryRoot, string dataPath, string word, CancellationToken cancellationToken)
    {
        var cli = Path.Combine(repositoryRoot, ".build", "strata", "strata");
        var build = await ChildProcess.RunAsync(Path.Combine(repositoryRoot, "strata"), ["--help"], pollMemory: false, cancellationToken);
        if (build.ExitCode != 0 || !File.Exists(cli))
        {
            Out.Line($"  cold start: skipped, the CLI did not build: {build.Error}");
            return [new ReportRow("Cold start", "strata search", "skipped (CLI build failed)", string.Empty, string.Empty, $"< {TargetMilliseconds:F0} ms", null)];
        }

        string[] arguments = ["--data", dataPath, "search", word];
        var warmUp = await ChildProcess.RunAsync(cli, arguments, pollMemory: false, cancellationToken);
        if (warmUp.ExitCode != 0)
        {
            throw new InvalidOperationException($"strata search failed ({warmUp.ExitCode}): {warmUp.Error}");
        }

        var times = new List<double>(Runs);
        for (var run = 0; run < Runs; run++)
        {
            times.Add((await ChildProcess.RunAsync(cli, arguments, pollMemory: false, cancellationToken)).Elapsed.TotalMilliseconds);
        }

        var median = SearchLatencyBenchmark.Percentile(times, 50);
        var p90 = SearchLatencyBenchmark.Percentile(times, 90);
        Out.Line($"  cold start: median {median:F0} ms, p90 {p90:F0} ms, min {times.Min():F0} ms ({warmUp.Output.Split('\n').Length} output lines)");
        var name = $"Cold start (`strata search {word}`, {Runs} runs)";
        return
        [
            new ReportRow(name, "median", median.ToString("F0", CultureInfo.InvariantCulture) + " ms", string.Empty, string.Empty, $"< {TargetMilliseconds:F0} ms", median < TargetMilliseconds),
            new ReportRow(name, "p90", p90.ToString("F0", CultureInfo.InvariantCulture) + " ms", string.Empty, string.Empty, $"< {TargetMilliseconds:F0} ms", p90 < TargetMilliseconds),
        ];
    }
}
