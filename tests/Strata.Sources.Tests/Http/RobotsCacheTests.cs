using Microsoft.AspNetCore.Http;
using Strata.Sources.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

public sealed class RobotsCacheTests : FetcherTestBase
{
    private volatile string _robots = "User-agent: *\nDisallow: /private\n";
    private volatile int _robotsStatus = StatusCodes.Status200OK;

    [Fact]
    public async Task IsAllowedAsync_WithinCacheDuration_FetchesOnce()
    {
        MapRobots();
        var clock = new FastForwardTimeProvider();
        var cache = CreateCache(clock);

        var first = await cache.IsAllowedAsync(Server.Url("/private/a"), CancellationToken.None);
        _robots = "User-agent: *\nAllow: /\n";
        clock.Advance(TimeSpan.FromHours(23));
        var second = await cache.IsAllowedAsync(Server.Url("/private/b"), CancellationToken.None);
        var open = await cache.IsAllowedAsync(Server.Url("/public"), CancellationToken.None);

        Assert.False(first);
        Assert.False(second);
        Assert.True(open);
        Assert.Equal(1, RobotsRequests());
    }

    [Fact]
    public async Task IsAllowedAsync_AfterCacheDuration_FetchesAgain()
    {
        MapRobots();
        var clock = new FastForwardTimeProvider();
        var cache = CreateCache(clock);
        await cache.IsAllowedAsync(Server.Url("/private/a"), CancellationToken.None);
        _robots = "User-agent: *\nAllow: /\n";

        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var allowed = await cache.IsAllowedAsync(Server.Url("/private/a"), CancellationToken.None);

        Assert.True(allowed);
        Assert.Equal(2, RobotsRequests());
    }

    [Fact]
    public async Task IsAllowedAsync_RobotsNotFound_AllowsEverything()
    {
        var cache = CreateCache(new FastForwardTimeProvider());

        var allowed = await cache.IsAllowedAsync(Server.Url("/private/a"), CancellationToken.None);

        Assert.True(allowed);
        Assert.Equal(1, RobotsRequests());
    }

    [Fact]
    public async Task IsAllowedAsync_RobotsServerError_DisallowsUntilErrorDurationPassed()
    {
        MapRobots();
        _robotsStatus = StatusCodes.Status500InternalServerError;
        var clock = new FastForwardTimeProvider();
        var cache = CreateCache(clock);

        var during = await cache.IsAllowedAsync(Server.Url("/public"), CancellationToken.None);
        _robotsStatus = StatusCodes.Status200OK;
        clock.Advance(TimeSpan.FromMinutes(59));
        var stillBlocked = await cache.IsAllowedAsync(Server.Url("/public"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        var after = await cache.IsAllowedAsync(Server.Url("/public"), CancellationToken.None);

        Assert.False(during);
        Assert.False(stillBlocked);
        Assert.True(after);
        Assert.Equal(2, RobotsRequests());
    }

    [Fact]
    public async Task IsAllowedAsync_ConnectionRefused_Disallows()
    {
        var closed = new Uri($"http://127.0.0.1:{Strata.Testing.Http.LoopbackPorts.GetClosedPort()}/page");
        var cache = CreateCache(new FastForwardTimeProvider());

        Assert.False(await cache.IsAllowedAsync(closed, CancellationToken.None));
    }

    [Fact]
    public async Task IsAllowedAsync_RulesPastSizeCap_AreIgnored()
    {
        MapRobots();
        _robots = "User-agent: *\nDisallow: /early\n" + new string('#', 200) + "\nDisallow: /late\n";
        var cache = CreateCache(new FastForwardTimeProvider(), maxBytes: 100);

        Assert.False(await cache.IsAllowedAsync(Server.Url("/early"), CancellationToken.None));
        Assert.True(await cache.IsAllowedAsync(Server.Url("/late"), CancellationToken.None));
    }

    [Fact]
    public async Task IsAllowedAsync_ConcurrentCallersForOneOrigin_ShareOneFetch()
    {
        Server.Routes.Map("/robots.txt", async context =>
        {
            await Task.Delay(100, context.RequestAborted);
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("User-agent: *\nDisallow: /private\n", context.RequestAborted);
        });
        var cache = CreateCache(new FastForwardTimeProvider());

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => cache.IsAllowedAsync(Server.Url("/private"), CancellationToken.None)));

        Assert.All(answers, Assert.False);
        Assert.Equal(1, RobotsRequests());
    }

    private RobotsCache CreateCache(TimeProvider clock, long maxBytes = RobotsOptions.DefaultMaxBytes) =>
        new(CreateFetcher(), new RobotsOptions { MaxBytes = maxBytes }, politeness: null, clock);

    private int RobotsRequests() => Server.Requests.Count(r => r.Path == "/robots.txt");

    private void MapRobots() => Server.Routes.Map("/robots.txt", async context =>
    {
        context.Response.StatusCode = _robotsStatus;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(_robots, context.RequestAborted);
    });
}
