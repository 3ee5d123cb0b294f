using Microsoft.Extensions.DependencyInjection;
using Strata.Web.Hosting;
using Xunit;

namespace Strata.Web.Tests.Hosting;

public sealed class IdleMemoryTrimmerTests
{
    [Fact]
    public async Task TrimsOncePerBurst_OnlyAfterTheServerWasQuietLongEnough()
    {
        await using var server = await WebServer.StartAsync();
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var trimmer = new IdleMemoryTrimmer(server.KnowledgeBase, clock);

        Assert.False(trimmer.TrimIfIdle()); // nothing served yet: nothing to give back
        trimmer.Enter();
        clock.Now += TimeSpan.FromSeconds(10);
        Assert.False(trimmer.TrimIfIdle()); // a request is still in flight
        trimmer.Leave();
        clock.Now += IdleMemoryTrimmer.Quiet / 2;
        Assert.False(trimmer.TrimIfIdle()); // not quiet long enough
        clock.Now += IdleMemoryTrimmer.Quiet;
        Assert.True(trimmer.TrimIfIdle());
        Assert.False(trimmer.TrimIfIdle()); // once per burst
        Assert.Equal(1, trimmer.Trims);
    }

    [Fact]
    public async Task RunningServer_TrimsAfterRequests_AndKeepsAnswering()
    {
        await using var server = await WebServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        var trimmer = server.Services.GetRequiredService<IdleMemoryTrimmer>();
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(new Uri("api/v1/items", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (trimmer.Trims == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, trimmer.Trims);
        (await client.GetAsync(new Uri("api/v1/items", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
