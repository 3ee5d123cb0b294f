using System.Diagnostics;
using System.Text;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>A <c>strata serve</c> child process on a free loopback port, its output kept, stopped with SIGTERM.</summary>
internal sealed class RunningServer(Process process, HttpClient http) : IAsyncDisposable
{
    private readonly StringBuilder _output = new();

    public static async Task<RunningServer> StartAsync(string data, IReadOnlyDictionary<string, string> environment, params string[] flags)
    {
        var port = LoopbackPorts.GetClosedPort();
        var process = CliProcess.Start(data, false, environment, ["serve", "--urls", $"http://127.0.0.1:{port}", .. flags]);
        var server = new RunningServer(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") });
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        while (!await server.RespondsAsync())
        {
            Assert.False(process.HasExited, "strata serve exited early");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "timed out waiting for strata serve");
            await Task.Delay(100);
        }

        return server;
    }

    public HttpClient Http => http;

    public void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async Task<bool> RespondsAsync()
    {
        try
        {
            using var response = await http.GetAsync("/");
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, wait for a clean exit, and return what it printed.</summary>
    public async Task<string> StopAsync()
    {
        Assert.Equal(0, Posix.Kill(process.Id, Posix.SigTerm));
        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(exit.Token);
        Assert.Equal(0, process.ExitCode);
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}
