using TextEncoding = System.Text.Encoding;
using Microsoft.AspNetCore.Http;
using Strata.Sources.Encoding;
using Strata.Sources.Http;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

public sealed class HttpFetcherTests : FetcherTestBase
{
    private const string Html = "<!DOCTYPE html><html><head><title>Hello</title></head><body><p>Hello, world.</p></body></html>";
    private static readonly byte[] Bomb = TextEncoding.ASCII.GetBytes(new string('a', 2 * 1024 * 1024));

    protected override void Configure(FixtureRoutes routes) => routes
        .Page("hello", Html)
        .Page("bomb", Bomb, "text/plain")
        .Bytes("/files/two-mb.txt", Bomb, "text/plain")
        .Bytes("/files/no-type", [1, 2, 3], "")
        .Map("/cached", async context =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = "Tue, 03 Mar 2026 10:00:00 GMT";
            context.Response.Headers["Content-Language"] = "en";
            context.Response.ContentType = "text/html; charset=UTF-8";
            await context.Response.WriteAsync(Html);
        })
        .Map("/to-ftp", context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "ftp://127.0.0.1/file";
            return Task.CompletedTask;
        });

    [Fact]
    public async Task FetchAsync_Page_ReturnsBodyAndMetadata()
    {
        var fakeNow = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var fetcher = CreateFetcher(timeProvider: new FixedTimeProvider(fakeNow));
        var url = Server.Url("/page/hello");

        var result = await fetcher.FetchAsync(url, CancellationToken.None);

        Assert.Equal(Html, TextEncoding.UTF8.GetString(result.Content));
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("text/html", result.MediaType);
        Assert.Equal("utf-8", result.Charset);
        Assert.Equal(url, result.RequestedUrl);
        Assert.Equal(url, result.FinalUrl);
        Assert.Equal(fakeNow, result.FetchedAt);
    }

    [Fact]
    public async Task FetchAsync_Request_SendsUserAgentAndAccept()
    {
        await FetchAsync("/page/hello", o => o.UserAgent = "StrataTest/1.0");

        var request = Assert.Single(Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("StrataTest/1.0", request.Headers["User-Agent"]);
        Assert.StartsWith("text/html", request.Headers["Accept"], StringComparison.Ordinal);
        Assert.Contains("gzip", request.Headers["Accept-Encoding"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_DefaultOptions_SendsStrataUserAgent()
    {
        await FetchAsync("/page/hello");

        Assert.Equal(HttpFetchOptions.DefaultUserAgent, Assert.Single(Server.Requests).Headers["User-Agent"]);
    }

    [Fact]
    public async Task FetchAsync_CachingHeaders_ExposesETagLastModifiedAndHeaders()
    {
        var result = await FetchAsync("/cached");

        Assert.Equal("\"v1\"", result.ETag);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), result.LastModified);
        Assert.Equal("en", result.Headers["content-language"]);
        Assert.Equal("utf-8", result.Charset);
    }

    [Fact]
    public async Task FetchAsync_UnquotedETag_KeepsItAsSent()
    {
        Server.Routes.Map("/sloppy", async context =>
        {
            context.Response.Headers.ETag = "abc123";
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("x");
        });

        var result = await FetchAsync("/sloppy");

        Assert.Equal("abc123", result.ETag);
    }

    [Fact]
    public async Task FetchAsync_Redirects_FollowsRelativeLocationsToFinalUrl()
    {
        var result = await FetchAsync("/redirect/3");

        Assert.Equal(Server.Url("/redirect/0"), result.FinalUrl);
        Assert.Equal(Server.Url("/redirect/3"), result.RequestedUrl);
        Assert.Contains("arrived", TextEncoding.UTF8.GetString(result.Content), StringComparison.Ordinal);
        Assert.Equal(["/redirect/3", "/redirect/2", "/redirect/1", "/redirect/0"], Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task FetchAsync_AbsoluteRedirect_FollowsToOtherPath()
    {
        Server.Routes.Map("/old", context =>
        {
            context.Response.StatusCode = 308;
            context.Response.Headers.Location = Server.Url("/page/hello").AbsoluteUri;
            return Task.CompletedTask;
        });

        var result = await FetchAsync("/old");

        Assert.Equal(Server.Url("/page/hello"), result.FinalUrl);
        Assert.Equal(Html, TextEncoding.UTF8.GetString(result.Content));
    }

    [Fact]
    public async Task FetchAsync_RedirectsAtLimit_Succeeds()
    {
        var result = await FetchAsync("/redirect/2", o => o.MaxRedirects = 2);

        Assert.Equal(Server.Url("/redirect/0"), result.FinalUrl);
    }

    [Fact]
    public async Task FetchAsync_RedirectsPastLimit_FailsWithoutFollowingFurther()
    {
        var url = Server.Url("/redirect/3");

        var error = await FetchFailsAsync("/redirect/3", o => o.MaxRedirects = 2);

        Assert.Equal($"too many redirects (more than 2): {url}", error.Message);
        Assert.False(error.IsTransient);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_FailsAsLoop()
    {
        var error = await FetchFailsAsync("/redirect-loop");

        Assert.Equal($"redirect loop: {Server.Url("/redirect-loop")}", error.Message);
        Assert.False(error.IsTransient);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_RedirectToFtp_FailsWithUnsupportedScheme()
    {
        var error = await FetchFailsAsync("/to-ftp");

        Assert.StartsWith("unsupported URL scheme 'ftp'", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task FetchAsync_GzipEncoded_ReturnsDecompressedBody()
    {
        var result = await FetchAsync("/gzip/hello");

        Assert.Equal(Html, TextEncoding.UTF8.GetString(result.Content));
        Assert.Contains("gzip", Assert.Single(Server.Requests).Headers["Accept-Encoding"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_GzipBombPastLimit_FailsAfterDecompression()
    {
        var error = await FetchFailsAsync("/gzip/bomb", o => o.MaxBytes = 1024 * 1024);

        Assert.Equal($"response larger than 1 MB limit: {Server.Url("/gzip/bomb")}", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task FetchAsync_ContentLengthPastLimit_Fails()
    {
        var error = await FetchFailsAsync("/files/two-mb.txt", o => o.MaxBytes = 1024 * 1024);

        Assert.Equal($"response larger than 1 MB limit: {Server.Url("/files/two-mb.txt")}", error.Message);
    }

    [Fact]
    public async Task FetchAsync_EndlessBodyWithoutContentLength_FailsAtLimit()
    {
        var error = await FetchFailsAsync("/huge", o => o.MaxBytes = 256 * 1024);

        Assert.Equal($"response larger than 256 KB limit: {Server.Url("/huge")}", error.Message);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task FetchAsync_BodyExactlyAtLimit_Succeeds()
    {
        var result = await FetchAsync("/files/two-mb.txt", o => o.MaxBytes = Bomb.Length);

        Assert.Equal(Bomb.Length, result.Content.Length);
    }

    [Fact]
    public async Task FetchAsync_NoContentType_TreatsAsOctetStream()
    {
        var result = await FetchAsync("/files/no-type");

        Assert.Equal("application/octet-stream", result.MediaType);
        Assert.Null(result.Charset);
    }

    [Fact]
    public async Task FetchAsync_Image_FailsWithUnsupportedContentType()
    {
        var error = await FetchFailsAsync("/image");

        Assert.Equal($"unsupported content type 'image/png': {Server.Url("/image")}", error.Message);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData("/gbk", CjkPages.ChineseHeaderCharset, CjkPages.ChineseText, "gb18030")]
    [InlineData("/sjis", CjkPages.JapaneseHeaderCharset, CjkPages.JapaneseText, "shift_jis")]
    public async Task FetchAsync_CharsetInHeader_ExposesCharsetAndRawBytes(string path, string charset, string text, string encoding)
    {
        var result = await FetchAsync(path);

        Assert.Equal(charset, result.Charset);
        Assert.Contains(text, TextEncoding.GetEncoding(encoding).GetString(result.Content), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/gbk/meta", CjkPages.ChineseText)]
    [InlineData("/sjis/meta", CjkPages.JapaneseText)]
    public async Task FetchAsync_CharsetOnlyInMeta_DecodesThroughTextDecoder(string path, string text)
    {
        var result = await FetchAsync(path);

        Assert.Contains(text, TextDecoder.Decode(result.Content, result.Charset), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_CharsetOnlyInMeta_HasNoHeaderCharset()
    {
        var result = await FetchAsync("/gbk/meta");

        Assert.Null(result.Charset);
        Assert.Equal("text/html", result.MediaType);
    }
}
