using Microsoft.AspNetCore.Http;
using Strata.Sources.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

public sealed class ConditionalFetchTests : FetcherTestBase
{
    private const string ETag = "\"v1\"";
    private static readonly DateTimeOffset Modified = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task FetchAsync_MatchingETag_ReturnsNotModifiedWithValidators()
    {
        MapValidatedFeed();
        var fetcher = CreateFetcher();
        var first = await fetcher.FetchAsync(Server.Url("/feed"), CancellationToken.None);

        var second = await fetcher.FetchAsync(Server.Url("/feed"), FetchConditions.From(first), CancellationToken.None);

        Assert.False(first.NotModified);
        Assert.True(second.NotModified);
        Assert.Equal(304, second.StatusCode);
        Assert.Empty(second.Content);
        Assert.Equal(ETag, second.ETag);
        Assert.Equal(Modified, second.LastModified);
        var sent = Server.Requests[^1].Headers;
        Assert.Equal(ETag, sent["If-None-Match"]);
        Assert.Equal("Fri, 02 Jan 2026 03:04:05 GMT", sent["If-Modified-Since"]);
    }

    [Fact]
    public async Task FetchAsync_OnlyIfModifiedSince_ReturnsNotModified()
    {
        MapValidatedFeed();
        var fetcher = CreateFetcher();

        var result = await fetcher.FetchAsync(Server.Url("/feed"), new FetchConditions(null, Modified), CancellationToken.None);

        Assert.True(result.NotModified);
        Assert.False(Server.Requests[^1].Headers.ContainsKey("If-None-Match"));
        Assert.Equal(Modified, result.LastModified);
    }

    [Fact]
    public async Task FetchAsync_StaleETag_ReturnsFullBody()
    {
        MapValidatedFeed();
        var fetcher = CreateFetcher();

        var result = await fetcher.FetchAsync(Server.Url("/feed"), new FetchConditions("\"v0\"", null), CancellationToken.None);

        Assert.False(result.NotModified);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("<rss/>"u8.ToArray(), result.Content);
        Assert.Equal(ETag, result.ETag);
    }

    [Fact]
    public async Task FetchAsync_NotModifiedWithoutValidators_CarriesSentValidatorsOver()
    {
        Server.Routes.Map("/bare304", context =>
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        });
        var sent = new FetchConditions("W/\"abc\"", Modified);

        var result = await CreateFetcher().FetchAsync(Server.Url("/bare304"), sent, CancellationToken.None);

        Assert.True(result.NotModified);
        Assert.Equal("W/\"abc\"", result.ETag);
        Assert.Equal(Modified, result.LastModified);
    }

    [Fact]
    public async Task FetchAsync_NoConditions_SendsNoValidatorHeaders()
    {
        MapValidatedFeed();

        await CreateFetcher().FetchAsync(Server.Url("/feed"), new FetchConditions(null, null), CancellationToken.None);

        var headers = Server.Requests[^1].Headers;
        Assert.False(headers.ContainsKey("If-None-Match"));
        Assert.False(headers.ContainsKey("If-Modified-Since"));
    }

    [Fact]
    public async Task FetchAsync_NotModifiedToUnconditionalRequest_Fails()
    {
        Server.Routes.Map("/bare304", context =>
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        });

        var error = await FetchFailsAsync("/bare304");

        Assert.Equal(304, error.StatusCode);
        Assert.False(error.IsTransient);
    }

    /// <summary>A feed at <c>/feed</c> that answers 304 when either validator matches.</summary>
    private void MapValidatedFeed() => Server.Routes.Map("/feed", async context =>
    {
        var request = context.Request.GetTypedHeaders();
        context.Response.Headers.ETag = ETag;
        context.Response.Headers.LastModified = Modified.ToString("R");
        var etagMatches = context.Request.Headers.IfNoneMatch.ToString() == ETag;
        var unchangedSince = request.IfModifiedSince is { } since && since >= Modified;
        var hasEtag = !string.IsNullOrEmpty(context.Request.Headers.IfNoneMatch);
        if (hasEtag ? etagMatches : unchangedSince)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = "application/rss+xml";
        await context.Response.WriteAsync("<rss/>", context.RequestAborted);
    });
}
