using System.Text.Json;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class CrashRecoveryTests : IDisposable
{
    private const int Files = 5000;

    private readonly TempDirectory _directory = new("strata-crash");

    [Fact]
    public async Task Add_KilledMidIngest_RerunCompletesWithoutLossOrDuplicates()
    {
        var data = _directory.Combine("data");
        for (var index = 0; index < Files; index++)
        {
            _directory.Write($"corpus/{index % 10}/doc{index}.md", $"# Document {index}\n\nThis note carries the marker token zq{index}x and some ordinary words about archives.\n");
        }

        using (var first = CliProcess.Start(data, false, "add", _directory.Combine("corpus")))
        {
            // Kill -9 as soon as part of the batch is stored but before it can finish.
            var database = Path.Combine(data, "strata.db");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(60) && !first.HasExited && SqliteProbe.Count(database, "SELECT count(*) FROM items") < 20)
            {
                await Task.Delay(5);
            }

            Assert.False(first.HasExited, "the first run finished before it could be killed; enlarge the corpus");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var rerun = await CliProcess.RunAsync(data, "add", _directory.Combine("corpus"));

        Assert.Equal(0, rerun.ExitCode);
        var stats = JsonDocument.Parse((await CliProcess.RunAsync(data, "stats", "--json")).Out).RootElement;
        Assert.Equal(Files, stats.GetProperty("items").GetInt32());
        Assert.Equal(Files, stats.GetProperty("byState").GetProperty("indexed").GetInt32());
        Assert.Equal(0, stats.GetProperty("pendingJobs").GetInt32());
        foreach (var index in new[] { 0, Files / 2, Files - 1 })
        {
            var hits = JsonDocument.Parse((await CliProcess.RunAsync(data, "search", $"zq{index}x", "--json")).Out).RootElement;
            Assert.Equal(1, hits.GetArrayLength());
        }

        Assert.Equal(0, (await CliProcess.RunAsync(data, "check")).ExitCode);
    }

    public void Dispose() => _directory.Dispose();
}
