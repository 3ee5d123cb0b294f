using System.Text;
using Microsoft.AspNetCore.Http;
using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Hosting.Ingest;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Hosting.Tests.Collection;

public sealed class FetchingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunSourceAsync_RobotsDisallowsPath_FetchesTypedUrlsButNotCrawledLinks()
    {
        await using var server = await FixtureServer.StartAsync();
        var baseUrl = server.BaseUrl.ToString();
        server.Routes.Bytes("/robots.txt", "User-agent: *\nDisallow: /private/\n"u8.ToArray(), "text/plain")
            .Bytes("/private/feed.xml", Encoding.UTF8.GetBytes(FeedDocuments.Rss(baseUrl, "Private", ("p1", "Hidden", "private/hidden"), ("p2", "Open", "page/open"))), FeedDocuments.RssType)
            .Bytes("/private/typed", Encoding.UTF8.GetBytes(FeedDocuments.Article("Typed by hand")), "text/html")
            .Bytes("/private/hidden", Encoding.UTF8.GetBytes(FeedDocuments.Article("Hidden")), "text/html")
            .Page("open", FeedDocuments.Article("Open"));
        await using var fixture = await CollectionSetup.CreateAsync();

        await fixture.Kb.RunAsync(await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/private/feed.xml").ToString()));
        await fixture.Kb.AddAsync([server.Url("/private/typed").ToString()], new AddOptions(), null, None);

        var items = await fixture.Kb.AllItemsAsync();
        var hidden = items.Single(item => item.Title == "Hidden");
        Assert.Contains("robots.txt", hidden.Error, StringComparison.Ordinal);
        Assert.False(hidden.ErrorIsTransient);
        Assert.Empty(server.To("/private/hidden"));
        Assert.Equal(ItemState.Indexed, items.Single(item => item.Title == "Open").State);
        Assert.Equal(ItemState.Indexed, items.Single(item => item.Title == "Typed by hand").State);
        Assert.NotEmpty(server.To("/robots.txt"));
    }

    [Fact]
    public async Task RunSourceAsync_429WithRetryAfter_WaitsAsToldThenStoresArticle()
    {
        await using var server = await FixtureServer.StartAsync();
        var calls = 0;
        var article = FeedDocuments.Article("Rate limited");
        server.Routes.Bytes("/feeds/limited", Encoding.UTF8.GetBytes(FeedDocuments.Rss(server.BaseUrl.ToString(), "Limited", ("l1", "Rate limited", "limited"))), FeedDocuments.RssType)
            .Map("/limited", async context =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(article);
            });
        await using var fixture = await CollectionSetup.CreateAsync();

        await fixture.Kb.RunAsync(await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/limited").ToString()));

        var requests = server.To("/limited");
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
        var item = Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Equal(ItemState.Indexed, item.State);
        Assert.Contains(FeedDocuments.ArticleOnly, item.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSourceAsync_ManyArticlesOnOneHost_AtMostTwoAtOnceAndSpacedByMinDelay()
    {
        const int Articles = 6;
        var minDelay = TimeSpan.FromMilliseconds(150);
        await using var server = await FixtureServer.StartAsync();
        int inFlight = 0, maxInFlight = 0;
        var entries = Enumerable.Range(0, Articles).Select(index => ($"s{index}", $"Spaced {index}", $"spaced/{index}")).ToArray();
        server.Routes.Bytes("/feeds/spaced", Encoding.UTF8.GetBytes(FeedDocuments.Rss(server.BaseUrl.ToString(), "Spaced", entries)), FeedDocuments.RssType);
        for (var index = 0; index < Articles; index++)
        {
            var html = FeedDocuments.Article($"Spaced {index}");
            server.Routes.Map($"/spaced/{index}", async context =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                await Task.Delay(TimeSpan.FromMilliseconds(300), context.RequestAborted);
                Interlocked.Decrement(ref inFlight);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(html, context.RequestAborted);
            });
        }

        await using var fixture = await CollectionSetup.CreateAsync(configure: options =>
        {
            options.Politeness.MinDelayPerHost = minDelay;
            options.Pipeline.Concurrency = 8;
        });

        await fixture.Kb.RunAsync(await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/spaced").ToString()));

        Assert.Equal(Articles, (await fixture.Kb.AllItemsAsync()).Count(item => item.State == ItemState.Indexed));
        Assert.Equal(2, maxInFlight);
        // The articles only: adding the source fetched the feed once (to discover it) just before the run fetched it again.
        var starts = server.Requests.Where(request => request.Path.StartsWith("/spaced/", StringComparison.Ordinal)).Select(request => request.ReceivedAt).ToArray();
        Assert.Equal(Articles, starts.Length);
        // Arrival times lag the fetcher's starts by scheduling noise on a loaded machine; unthrottled, gaps would be near zero.
        var tolerance = TimeSpan.FromMilliseconds(60);
        for (var index = 1; index < starts.Length; index++)
        {
            Assert.True(starts[index] - starts[index - 1] >= minDelay - tolerance, $"request {index} came {starts[index] - starts[index - 1]} after the one before");
        }
    }

    [Fact]
    public async Task RunSourceAsync_GzipFeedAndRedirectedFeedAndArticle_AreDecodedAndFollowed()
    {
        await using var server = await FixtureServer.StartAsync();
        var baseUrl = server.BaseUrl.ToString();
        server.Routes.Page("zipped", FeedDocuments.Rss(baseUrl, "Zipped", ("z1", "Zipped entry", "moved-article")), FeedDocuments.RssType)
            .Map("/moved-article", context => RedirectAsync(context, "/page/final-article"))
            .Page("final-article", FeedDocuments.Article("Zipped entry"))
            .Map("/feeds/old", context => RedirectAsync(context, "/gzip/zipped"));
        await using var fixture = await CollectionSetup.CreateAsync();

        var source = await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/old").ToString());
        var (_, result) = await fixture.Kb.RunAsync(source);

        Assert.Null(result.Error);
        var item = Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Equal(ItemState.Indexed, item.State);
        Assert.Equal(server.Url("/page/final-article").ToString(), item.Url);
        Assert.Contains(FeedDocuments.ArticleOnly, item.Text, StringComparison.Ordinal);
        Assert.NotEmpty(server.To("/feeds/old"));
        Assert.All(server.To("/gzip/zipped"), request => Assert.Contains("gzip", request.Headers["Accept-Encoding"], StringComparison.Ordinal));
        Assert.Single(server.To("/moved-article"));
    }

    private static Task RedirectAsync(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
