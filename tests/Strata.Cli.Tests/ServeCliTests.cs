using System.Diagnostics;
using System.Text;
using Strata.Testing.Files;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary><c>strata serve --with-daemon</c> as a real process: one command serves the UI and collects.</summary>
public sealed class ServeCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-serve");

    [Fact]
    public async Task Serve_with_daemon_shows_a_file_dropped_into_a_watched_folder_and_stops_on_sigterm()
    {
        var data = _directory.Combine("data");
        Directory.CreateDirectory(_directory.Combine("watched"));
        Assert.Equal(0, (await CliProcess.RunAsync(data, "source", "add", "folder", _directory.Combine("watched"))).ExitCode);
        var port = LoopbackPorts.GetClosedPort();
        using var serve = CliProcess.Start(data, false, "serve", "--urls", $"http://127.0.0.1:{port}", "--with-daemon");
        var output = new StringBuilder();
        serve.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        serve.BeginOutputReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await WaitUntilAsync(async () => (await TryGetAsync(http, "/")) is not null, serve);

        _directory.Write("watched/orchards.md", "# Orchards in winter\n\nPruning apple trees while they are dormant, marker qz7orchard.\n");
        await WaitUntilAsync(async () => (await TryGetAsync(http, "/search/results?q=qz7orchard"))?.Contains("Orchards in winter", StringComparison.Ordinal) == true, serve);

        Assert.Equal(0, Posix.Kill(serve.Id, Posix.SigTerm));
        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await serve.WaitForExitAsync(exit.Token);
        Assert.Equal(0, serve.ExitCode);
        lock (output)
        {
            Assert.Contains($"Strata is serving http://127.0.0.1:{port}", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("server stopped", output.ToString(), StringComparison.Ordinal);
        }
    }

    public void Dispose() => _directory.Dispose();

    private static async Task<string?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            return await http.GetStringAsync(path);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.False(process.HasExited, "strata serve exited early");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "timed out waiting for strata serve");
            await Task.Delay(100);
        }
    }
}
