using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary><c>strata serve --web-only</c> leaves the queue to workers; the default and <c>--with-worker</c> work it.</summary>
public sealed class ServeQueueModeCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-serve-queue");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task WebOnly_QueuesWhatIsAddedAndLeavesIt_TheDefaultServerDrainsTheQueue()
    {
        await using (var webOnly = await ServerAsync("--web-only"))
        {
            Assert.Equal(HttpStatusCode.Created, await AddNoteAsync(webOnly, "# Queued one\n\nMarker qzqueuedone waits for a worker.\n"));
            Assert.Equal(HttpStatusCode.Created, await AddNoteAsync(webOnly, "# Queued two\n\nMarker qzqueuedtwo waits for a worker.\n"));
            await Task.Delay(TimeSpan.FromSeconds(2.5)); // longer than a worker's idle wait: nothing picks them up here

            Assert.Equal(2, await PendingJobsAsync());
            Assert.DoesNotContain("Queued one", (await CliProcess.RunAsync(Data, "search", "qzqueuedone", "--json")).Out, StringComparison.Ordinal);
            Assert.Contains("web only: added items are queued for `strata worker` processes", await webOnly.StopAsync(), StringComparison.Ordinal);
        }

        await using (var inline = await ServerAsync())
        {
            Assert.Equal(HttpStatusCode.Created, await AddNoteAsync(inline, "# Added inline\n\nMarker qzinline is processed at once.\n"));

            Assert.Equal(0, await PendingJobsAsync());
            Assert.Contains("Queued one", (await CliProcess.RunAsync(Data, "search", "qzqueuedone", "--json")).Out, StringComparison.Ordinal);
            Assert.Contains("Added inline", (await CliProcess.RunAsync(Data, "search", "qzinline", "--json")).Out, StringComparison.Ordinal);
            await inline.StopAsync();
        }
    }

    [Fact]
    public async Task WithWorker_DrainsJobsQueuedElsewhereWithoutAnyRequest_AndWebOnlyRefusesAWorker()
    {
        var conflict = await CliProcess.RunAsync(Data, "serve", "--web-only", "--with-worker");
        await using (var webOnly = await ServerAsync("--web-only"))
        {
            Assert.Equal(HttpStatusCode.Created, await AddNoteAsync(webOnly, "# Left for the worker\n\nMarker qzleftover waits.\n"));
            await webOnly.StopAsync();
        }

        Assert.Equal(1, await PendingJobsAsync());
        await using (var withWorker = await ServerAsync("--with-worker"))
        {
            var clock = Stopwatch.StartNew();
            while (await PendingJobsAsync() > 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the in-process worker did not drain the queue");
                await Task.Delay(200);
            }

            Assert.Contains("Left for the worker", (await CliProcess.RunAsync(Data, "search", "qzleftover", "--json")).Out, StringComparison.Ordinal);
            Assert.Contains("queue: worked continuously in this process", await withWorker.StopAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, conflict.ExitCode);
        Assert.Contains("cannot be combined", conflict.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private async Task<int> PendingJobsAsync()
    {
        var doctor = await CliProcess.RunAsync(Data, "doctor", "--json");
        Assert.True(doctor.ExitCode == 0, doctor.Error);
        return JsonDocument.Parse(doctor.Out).RootElement.GetProperty("pendingJobs").GetInt32();
    }

    private static async Task<HttpStatusCode> AddNoteAsync(RunningServer server, string note)
    {
        using var response = await server.Http.PostAsJsonAsync("/api/v1/items", new { note });
        return response.StatusCode;
    }

    private Task<RunningServer> ServerAsync(params string[] flags) => RunningServer.StartAsync(Data, new Dictionary<string, string>(), flags);
}
