using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Strata.Testing.Files;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class DaemonTests : IDisposable
{
    private const int Entries = 200;
    private const int Files = 400;

    private readonly TempDirectory _directory = new("strata-daemon");

    [Fact]
    public async Task Daemon_KilledMidRunThenRestarted_LosesAndDuplicatesNothingAndStopsOnSigterm()
    {
        await using var server = await FixtureServer.StartAsync(routes => routes.Bytes("/feed.xml", Encoding.UTF8.GetBytes(Feed()), "application/rss+xml"));
        var data = _directory.Combine("data");
        for (var index = 0; index < Files; index++)
        {
            _directory.Write($"watched/{index % 8}/note{index}.md", $"# Note {index}\n\nA watched note with the marker wq{index}z about orchards.\n");
        }

        Assert.Equal(0, (await CliProcess.RunAsync(data, "source", "add", "feed", server.Url("/feed.xml").ToString(), "--tag", "fixture")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(data, "source", "add", "folder", _directory.Combine("watched"))).ExitCode);

        using (var first = CliProcess.Start(data, false, "daemon"))
        {
            await WaitUntilAsync(() => Count(data, "SELECT count(*) FROM items") >= 50, first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        using var second = CliProcess.Start(data, false, "daemon");
        var output = new StringBuilder();
        second.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        second.BeginOutputReadLine();
        await WaitUntilAsync(() => Count(data, "SELECT count(*) FROM items WHERE state = 3") >= Entries + Files && Count(data, "SELECT count(*) FROM jobs") == 0, second);
        Assert.Equal(0, Posix.Kill(second.Id, Posix.SigTerm));
        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await second.WaitForExitAsync(exit.Token);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("daemon stopped", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(Entries + Files, Count(data, "SELECT count(*) FROM items"));
        Assert.Equal(Entries, Count(data, "SELECT count(DISTINCT canonical_url) FROM items WHERE kind = 'feedentry'"));
        Assert.Equal(Files, Count(data, "SELECT count(DISTINCT source_path) FROM items WHERE kind = 'file'"));
        var hits = JsonDocument.Parse((await CliProcess.RunAsync(data, "search", $"wq{Files - 1}z", "--json")).Out).RootElement;
        Assert.Equal(1, hits.GetArrayLength());
        var sources = JsonDocument.Parse((await CliProcess.RunAsync(data, "source", "list", "--json")).Out).RootElement;
        Assert.All(sources.EnumerateArray(), source => Assert.Equal(JsonValueKind.Null, source.GetProperty("lastError").ValueKind));
    }

    private static string Feed()
    {
        var items = new StringBuilder();
        for (var index = 0; index < Entries; index++)
        {
            var body = string.Concat(Enumerable.Repeat($"<p>Entry {index} discusses lighthouse keepers and the marker fx{index}q in depth, paragraph after paragraph.</p>", 12));
            items.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><title>Entry {index}</title><link>http://example.org/entries/{index}?utm_source=feed</link><guid>entry-{index}</guid>")
                .Append("<pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate><content:encoded><![CDATA[").Append(body).Append("]]></content:encoded></item>");
        }

        return $"<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Fixture feed</title>{items}</channel></rss>";
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, "the daemon exited early");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "timed out waiting for the daemon");
            await Task.Delay(20);
        }
    }

    private static long Count(string data, string sql) => SqliteProbe.Count(Path.Combine(data, "strata.db"), sql);

    public void Dispose() => _directory.Dispose();
}
