using System.Diagnostics;
using Strata.Sources.Http;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

public sealed class HttpFetcherFailureTests : FetcherTestBase
{
    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(410, "HTTP 410 Gone")]
    [InlineData(403, "HTTP 403 Forbidden")]
    public async Task FetchAsync_ClientError_FailsPermanently(int code, string expected)
    {
        var url = Server.Url($"/status/{code}");

        var error = await FetchFailsAsync(url);

        Assert.Equal($"{expected}: {url}", error.Message);
        Assert.Equal(code, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Equal(url, error.Url);
    }

    [Theory]
    [InlineData(500, "HTTP 500 Internal Server Error (will retry)")]
    [InlineData(503, "HTTP 503 Service Unavailable (will retry)")]
    [InlineData(408, "HTTP 408 Request Timeout (will retry)")]
    public async Task FetchAsync_ServerErrorOrRequestTimeout_FailsTransiently(int code, string expected)
    {
        var url = Server.Url($"/status/{code}");

        var error = await FetchFailsAsync(url);

        Assert.Equal($"{expected}: {url}", error.Message);
        Assert.Equal(code, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequests_FailsTransientlyWithRetryAfter()
    {
        var error = await FetchFailsAsync("/status/429");

        Assert.True(error.IsTransient);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Assert.StartsWith("HTTP 429 Too Many Requests (will retry): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_RetryAfterAsDate_ConvertsToDelayFromNow()
    {
        var now = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
        Server.Routes.Map("/busy", context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "Wed, 04 Mar 2026 12:01:30 GMT";
            return Task.CompletedTask;
        });
        var fetcher = CreateFetcher(timeProvider: new FixedTimeProvider(now));

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(Server.Url("/busy"), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task FetchAsync_RedirectThenNotFound_ReportsTheUrlThatFailed()
    {
        Server.Routes.Map("/moved", context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = "/status/404";
            return Task.CompletedTask;
        });

        var error = await FetchFailsAsync("/moved");

        Assert.Equal(Server.Url("/status/404"), error.Url);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task FetchAsync_SlowHeaders_TimesOutWithConfiguredTimeout()
    {
        var clock = Stopwatch.StartNew();

        var error = await FetchFailsAsync("/slow", o => o.Timeout = ShortTimeout);

        Assert.Equal($"timed out after 0.5 s: {Server.Url("/slow")}", error.Message);
        Assert.True(error.IsTransient);
        // Timers may fire a tick early; the point is that it neither failed at once nor waited for the server.
        Assert.InRange(clock.Elapsed, ShortTimeout * 0.8, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task FetchAsync_SlowBody_TimeoutCoversTheBody()
    {
        var error = await FetchFailsAsync("/slow-body", o => o.Timeout = ShortTimeout);

        Assert.StartsWith("timed out after 0.5 s: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var fetcher = CreateFetcher(o => o.Timeout = TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(Server.Url("/slow"), cancel.Token));
    }

    [Fact]
    public async Task FetchAsync_ConnectionDroppedMidBody_FailsTransiently()
    {
        var error = await FetchFailsAsync("/drop");

        Assert.Equal($"connection lost before the response was complete: {Server.Url("/drop")}", error.Message);
        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task FetchAsync_UnresolvableHost_FailsPermanentlyNamingTheHost()
    {
        var url = new Uri("http://nonexistent.invalid/");

        var error = await FetchFailsAsync(url);

        Assert.Equal("cannot resolve host 'nonexistent.invalid': http://nonexistent.invalid/", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task FetchAsync_ClosedPort_FailsTransientlyAsRefused()
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPorts.GetClosedPort()}/page");

        var error = await FetchFailsAsync(url);

        Assert.Equal($"connection refused: {url}", error.Message);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task FetchAsync_FtpUrl_FailsWithUnsupportedScheme()
    {
        var error = await FetchFailsAsync(new Uri("ftp://127.0.0.1/file.txt"));

        Assert.Equal("unsupported URL scheme 'ftp' (only http and https): ftp://127.0.0.1/file.txt", error.Message);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public void Constructor_ZeroTimeout_Throws()
    {
        var options = new HttpFetchOptions { Timeout = TimeSpan.Zero };

        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpFetcher(options));
    }
}
