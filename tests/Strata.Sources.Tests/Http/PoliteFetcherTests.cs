using Microsoft.AspNetCore.Http;
using Strata.Sources.Http;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

public sealed class PoliteFetcherTests : FetcherTestBase
{
    private static readonly TimeSpan MinDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>Server-side arrival times differ from client-side starts by scheduling noise (tens of milliseconds on a loaded 2-core machine); without politeness the gaps would be about a millisecond.</summary>
    private static readonly TimeSpan ArrivalJitter = TimeSpan.FromMilliseconds(40);

    protected override void Configure(FixtureRoutes routes) =>
        routes.Page("a", "<html><body><p>a</p></body></html>")
            .Bytes("/robots.txt", "User-agent: *\nDisallow: /private\n"u8.ToArray(), "text/plain");

    [Fact]
    public async Task FetchAsync_SameHostInSequence_StartsAtLeastMinDelayApart()
    {
        var polite = CreatePolite(CreateFetcher(), MinDelay);

        // The first two requests warm the connection and the JIT of both paths (no wait, wait), so the measured three
        // differ only by the politeness delay.
        for (var i = 0; i < 5; i++)
        {
            await polite.FetchAsync(Server.Url("/page/a"), null, FetchPurpose.UserRequested, CancellationToken.None);
        }

        var arrivals = Server.Requests.Where(r => r.Path == "/page/a").Skip(2).Select(r => r.ReceivedAt).ToList();
        Assert.Equal(3, arrivals.Count);
        Assert.True(arrivals[1] - arrivals[0] >= MinDelay - ArrivalJitter, $"gap 1: {arrivals[1] - arrivals[0]}");
        Assert.True(arrivals[2] - arrivals[1] >= MinDelay - ArrivalJitter, $"gap 2: {arrivals[2] - arrivals[1]}");
    }

    [Fact]
    public async Task FetchAsync_TwoHosts_AreNotDelayedByEachOther()
    {
        var polite = CreatePolite(CreateFetcher(), TimeSpan.FromSeconds(5));
        var viaLocalhost = new UriBuilder(Server.Url("/page/a")) { Host = "localhost" }.Uri;
        var started = TimeProvider.System.GetTimestamp();

        await polite.FetchAsync(Server.Url("/page/a"), null, FetchPurpose.UserRequested, CancellationToken.None);
        await polite.FetchAsync(viaLocalhost, null, FetchPurpose.UserRequested, CancellationToken.None);

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(2));
        Assert.Contains(Server.Requests, r => r.Headers.TryGetValue("Host", out var host) && host.StartsWith("localhost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_ManyAtOnceToOneHost_AtMostTwoInFlight()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        Server.Routes.Map("/tracked", async context =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Delay(100, context.RequestAborted);
            Interlocked.Decrement(ref inFlight);
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok", context.RequestAborted);
        });
        var polite = CreatePolite(CreateFetcher(), TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(
            _ => polite.FetchAsync(Server.Url("/tracked"), null, FetchPurpose.UserRequested, CancellationToken.None)));

        Assert.Equal(2, maxInFlight);
        Assert.Equal(6, Server.Requests.Count(r => r.Path == "/tracked"));
    }

    [Fact]
    public async Task FetchAsync_AutomaticDisallowedPath_IsBlockedByRobots()
    {
        var polite = CreatePolite(CreateFetcher(), TimeSpan.Zero);
        var url = Server.Url("/private/note");

        var error = await Assert.ThrowsAsync<FetchException>(
            () => polite.FetchAsync(url, null, FetchPurpose.Automatic, CancellationToken.None));

        Assert.Equal($"blocked by robots.txt: {url}", error.Message);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain(Server.Requests, r => r.Path == "/private/note");
    }

    [Fact]
    public async Task FetchAsync_UserRequestedDisallowedPath_IsFetchedWithoutRobots()
    {
        Server.Routes.Map("/private/note", context => context.Response.WriteAsync("mine", context.RequestAborted));
        var polite = CreatePolite(CreateFetcher(), TimeSpan.Zero);

        var result = await polite.FetchAsync(Server.Url("/private/note"), null, FetchPurpose.UserRequested, CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.DoesNotContain(Server.Requests, r => r.Path == "/robots.txt");
    }

    [Fact]
    public async Task FetchAsync_AutomaticAllowedPath_ChecksRobotsOnceThenFetches()
    {
        var polite = CreatePolite(CreateFetcher(), TimeSpan.Zero);

        await polite.FetchAsync(Server.Url("/page/a"), null, FetchPurpose.Automatic, CancellationToken.None);
        await polite.FetchAsync(Server.Url("/page/a"), null, FetchPurpose.Automatic, CancellationToken.None);

        Assert.Equal(1, Server.Requests.Count(r => r.Path == "/robots.txt"));
        Assert.Equal(2, Server.Requests.Count(r => r.Path == "/page/a"));
    }

    [Fact]
    public async Task FetchAsync_TransientFailureThenOk_RetriesThroughPoliteness()
    {
        var calls = 0;
        Server.Routes.Map("/flaky", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await context.Response.WriteAsync("ok", context.RequestAborted);
        });
        var polite = CreatePolite(CreateFetcher(), TimeSpan.Zero);

        var result = await polite.FetchAsync(Server.Url("/flaky"), null, FetchPurpose.Automatic, CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, calls);
    }

    private static PoliteFetcher CreatePolite(HttpFetcher fetcher, TimeSpan minDelay) => new(fetcher, new PolitenessOptions
    {
        MinDelayPerHost = minDelay,
        Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
    });

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
