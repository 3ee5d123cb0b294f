using Microsoft.AspNetCore.Http;
using Strata.Sources.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

public sealed class RetryPolicyTests : FetcherTestBase
{
    [Fact]
    public async Task ExecuteAsync_ServiceUnavailableThenOk_RetriesOnce()
    {
        MapFailingFirst("/flaky", StatusCodes.Status503ServiceUnavailable, retryAfter: null);
        var fetcher = CreateFetcher();
        var policy = new RetryPolicy(new RetryOptions(), new FastForwardTimeProvider());

        var result = await policy.ExecuteAsync(ct => fetcher.FetchAsync(Server.Url("/flaky"), ct), CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, Requests("/flaky"));
    }

    [Fact]
    public async Task ExecuteAsync_TooManyRequestsWithRetryAfter_WaitsWhatTheServerAsked()
    {
        MapFailingFirst("/busy", StatusCodes.Status429TooManyRequests, retryAfter: "1");
        var fetcher = CreateFetcher();
        var clock = new FastForwardTimeProvider();
        var policy = new RetryPolicy(new RetryOptions(), clock);

        var result = await policy.ExecuteAsync(ct => fetcher.FetchAsync(Server.Url("/busy"), ct), CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(1)], clock.Delays);
    }

    [Fact]
    public async Task ExecuteAsync_RetryAfterOnRealClock_WaitsAboutThatLong()
    {
        MapFailingFirst("/busy", StatusCodes.Status429TooManyRequests, retryAfter: "1");
        var fetcher = CreateFetcher();
        var policy = new RetryPolicy(new RetryOptions { MaxAttempts = 2 });
        var started = TimeProvider.System.GetTimestamp();

        await policy.ExecuteAsync(ct => fetcher.FetchAsync(Server.Url("/busy"), ct), CancellationToken.None);

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task ExecuteAsync_NotFound_IsNotRetried()
    {
        var fetcher = CreateFetcher();
        var policy = new RetryPolicy(new RetryOptions(), new FastForwardTimeProvider());

        var error = await Assert.ThrowsAsync<FetchException>(
            () => policy.ExecuteAsync(ct => fetcher.FetchAsync(Server.Url("/status/404"), ct), CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(1, Requests("/status/404"));
    }

    [Fact]
    public async Task ExecuteAsync_AlwaysUnavailable_StopsAtMaxAttempts()
    {
        var fetcher = CreateFetcher();
        var clock = new FastForwardTimeProvider();
        var policy = new RetryPolicy(new RetryOptions { MaxAttempts = 4 }, clock, new Random(3));

        var error = await Assert.ThrowsAsync<FetchException>(
            () => policy.ExecuteAsync(ct => fetcher.FetchAsync(Server.Url("/status/503"), ct), CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(4, Requests("/status/503"));
        Assert.Equal(3, clock.Delays.Count);
    }

    [Fact]
    public async Task ExecuteAsync_LastFailure_IsRethrownUnchanged()
    {
        var policy = new RetryPolicy(new RetryOptions { MaxAttempts = 2 }, new FastForwardTimeProvider());
        var failures = new[]
        {
            new FetchException("first", new Uri("http://a.example/"), 503, isTransient: true),
            new FetchException("last", new Uri("http://a.example/"), 503, isTransient: true),
        };
        var calls = 0;

        var error = await Assert.ThrowsAsync<FetchException>(
            () => policy.ExecuteAsync<int>(_ => throw failures[calls++], CancellationToken.None));

        Assert.Same(failures[1], error);
    }

    [Fact]
    public async Task ExecuteAsync_OtherException_IsNotRetried()
    {
        var policy = new RetryPolicy(new RetryOptions(), new FastForwardTimeProvider());
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => policy.ExecuteAsync<int>(_ => { calls++; throw new InvalidOperationException(); }, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void DelayBeforeRetry_SeededRandom_IsFullJitterUnderDoublingCeiling()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };
        var policy = new RetryPolicy(options, random: new Random(42));
        var expected = new Random(42);

        for (var failed = 1; failed <= 8; failed++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(10, Math.Pow(2, failed - 1)));
            var delay = policy.DelayBeforeRetry(failed, retryAfter: null);

            Assert.InRange(delay, TimeSpan.Zero, ceiling);
            Assert.Equal(TimeSpan.FromTicks((long)(ceiling.Ticks * expected.NextDouble())), delay);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(120, 120)]
    [InlineData(3600, 300)]
    public void DelayBeforeRetry_RetryAfter_IsHonouredUpToMaxDelay(int askedSeconds, int expectedSeconds)
    {
        var policy = new RetryPolicy(new RetryOptions(), random: new Random(1));

        var delay = policy.DelayBeforeRetry(1, TimeSpan.FromSeconds(askedSeconds));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(9, 1280)]
    [InlineData(10, 1440)]
    [InlineData(1000, 1440)]
    public void BackoffFor_ConsecutiveFailures_DoublesFromFiveMinutesUpToADay(int failures, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), new RetryPolicy(new RetryOptions()).BackoffFor(failures));

    private int Requests(string path) => Server.Requests.Count(r => r.Path == path);

    /// <summary>Answers <paramref name="status"/> to the first request at <paramref name="path"/>, then a page.</summary>
    private void MapFailingFirst(string path, int status, string? retryAfter)
    {
        var calls = 0;
        Server.Routes.Map(path, async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = status;
                if (retryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                }

                return;
            }

            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok", context.RequestAborted);
        });
    }
}
