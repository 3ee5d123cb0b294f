using System.Text;
using Microsoft.AspNetCore.Http;
using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Hosting.Tests.Collection;

public sealed class FeedSourceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("rss091")]
    [InlineData("rss10")]
    [InlineData("rss20")]
    [InlineData("atom")]
    [InlineData("json")]
    public async Task RunSourceAsync_SummaryOnlyEntryInEachFormat_StoresFullArticleFromItsPage(string format)
    {
        await using var server = await FixtureServer.StartAsync();
        var title = $"Essay in {format}";
        var (body, contentType) = FeedDocuments.InFormat(format, server.BaseUrl.ToString(), "essay-" + format, title);
        server.Routes.Bytes("/feeds/" + format, Encoding.UTF8.GetBytes(body), contentType).Page("essay-" + format, FeedDocuments.Article(title));
        await using var fixture = await CollectionSetup.CreateAsync();
        var source = await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/" + format).ToString());

        var (saved, result) = await fixture.Kb.RunAsync(source);

        Assert.Null(result.Error);
        Assert.Equal(1, result.New);
        var item = Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Equal(ItemKind.FeedEntry, item.Kind);
        Assert.Equal(ItemState.Indexed, item.State);
        Assert.Equal(title, item.Title);
        Assert.Contains(FeedDocuments.ArticleOnly, item.Text, StringComparison.Ordinal);
        Assert.Single(server.To("/page/essay-" + format));
        var provenance = Assert.Single(await fixture.Kb.ListProvenanceAsync(item.Id, None));
        Assert.Equal(source.Id, provenance.SourceId);
        Assert.NotNull(saved.Name);
    }

    [Fact]
    public async Task RunSourceAsync_EntryWithFullContent_StoresFeedContentWithoutFetchingPage()
    {
        await using var server = await FixtureServer.StartAsync();
        var content = string.Concat(Enumerable.Repeat("<p>The whole article travels inside the feed, paragraph after paragraph, so nothing needs fetching.</p>", 12));
        var rss = $"""
            <?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Full</title><link>{server.BaseUrl}</link><description>d</description>
            <item><guid>full-1</guid><title>Complete entry</title><link>{server.Url("/page/never")}</link><description>Teaser.</description><content:encoded><![CDATA[{content}]]></content:encoded></item></channel></rss>
            """;
        server.Routes.Bytes("/feeds/full", Encoding.UTF8.GetBytes(rss), FeedDocuments.RssType);
        await using var fixture = await CollectionSetup.CreateAsync();

        await fixture.Kb.RunAsync(await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/full").ToString()));

        var item = Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Equal("Complete entry", item.Title);
        Assert.Equal(ItemState.Indexed, item.State);
        Assert.Contains("The whole article travels inside the feed", item.Text, StringComparison.Ordinal);
        Assert.Empty(server.To("/page/never"));
    }

    [Fact]
    public async Task AddSourceAsync_HomePageWithAlternateLink_SubscribesToAdvertisedFeed()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Routes.Page("home", """<html><head><title>Home</title><link rel="alternate" type="application/rss+xml" title="Posts" href="/feeds/main"></head><body><p>Welcome</p></body></html>""")
            .Bytes("/feeds/main", Encoding.UTF8.GetBytes(FeedDocuments.Rss(server.BaseUrl.ToString(), "Main", ("m1", "Discovered post", "page/post"))), FeedDocuments.RssType)
            .Page("post", FeedDocuments.Article("Discovered post"));
        await using var fixture = await CollectionSetup.CreateAsync();

        var source = await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/page/home").ToString());
        var (_, result) = await fixture.Kb.RunAsync(source);

        Assert.Equal(server.Url("/feeds/main").ToString(), source.Target);
        Assert.Equal(1, result.New);
        Assert.Equal("Discovered post", Assert.Single(await fixture.Kb.AllItemsAsync()).Title);
    }

    [Fact]
    public async Task AddSourceAsync_PageWithoutFeed_ThrowsClearSourceException()
    {
        await using var server = await FixtureServer.StartAsync(routes => routes.Page("plain", "<html><head><title>Plain</title></head><body><p>No feed here.</p></body></html>"));
        await using var fixture = await CollectionSetup.CreateAsync();

        var error = await Assert.ThrowsAsync<SourceException>(() => fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/page/plain").ToString()));

        Assert.Contains("no feed found", error.Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Kb.ListSourcesAsync(None));
    }

    [Fact]
    public async Task RunSourceAsync_EveryPoll_SendsValidatorsAndStoresNothingOn304()
    {
        const string ETag = "\"v1\"";
        const string LastModified = "Wed, 01 May 2024 10:00:00 GMT";
        await using var server = await FixtureServer.StartAsync();
        var rss = FeedDocuments.Rss(server.BaseUrl.ToString(), "Conditional", ("c1", "Conditional post", "page/conditional"));
        server.Routes.Page("conditional", FeedDocuments.Article("Conditional post")).Map("/feeds/conditional", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = ETag;
            context.Response.Headers.LastModified = LastModified;
            context.Response.ContentType = FeedDocuments.RssType;
            await context.Response.WriteAsync(rss);
        });
        await using var fixture = await CollectionSetup.CreateAsync();
        var source = await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/conditional").ToString());

        var (_, first) = await fixture.Kb.RunAsync(source);
        var (_, second) = await fixture.Kb.RunAsync(source);
        var (afterThird, third) = await fixture.Kb.RunAsync(source);

        Assert.Equal(1, first.New);
        Assert.Equal((0, 0), (second.New, third.New));
        Assert.Null(afterThird.LastError);
        // The first request is the check when the source is added; then one per run.
        var polls = server.To("/feeds/conditional").Skip(1).ToArray();
        Assert.Equal(3, polls.Length);
        Assert.False(polls[0].Headers.ContainsKey("If-None-Match"));
        Assert.All(polls.Skip(1), poll =>
        {
            Assert.Equal(ETag, poll.Headers["If-None-Match"]);
            Assert.Equal(LastModified, poll.Headers["If-Modified-Since"]);
        });
        Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Single(server.To("/page/conditional"));
    }

    [Fact]
    public async Task RunSourceAsync_SameGuidWithChangedLink_KeepsOneItem()
    {
        await using var server = await FixtureServer.StartAsync();
        var polls = 0;
        server.Routes.Page("first-link", FeedDocuments.Article("Moving post")).Page("second-link", FeedDocuments.Article("Moving post, moved")).Map("/feeds/moving", context =>
        {
            // The first request is the check when the source is added, the second the first run.
            var link = Interlocked.Increment(ref polls) <= 2 ? "page/first-link" : "page/second-link";
            context.Response.ContentType = FeedDocuments.RssType;
            return context.Response.WriteAsync(FeedDocuments.Rss(server.BaseUrl.ToString(), "Moving", ("stable-guid", "Moving post", link)));
        });
        await using var fixture = await CollectionSetup.CreateAsync();
        var source = await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/moving").ToString());

        await fixture.Kb.RunAsync(source);
        var (_, again) = await fixture.Kb.RunAsync(source);

        Assert.Equal((0, 1), (again.New, again.Unchanged));
        Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Empty(server.To("/page/second-link"));
    }

    [Fact]
    public async Task RunSourceAsync_SameArticleFromTwoFeeds_IsOneItemWithTwoProvenanceRecords()
    {
        await using var server = await FixtureServer.StartAsync();
        var baseUrl = server.BaseUrl.ToString();
        server.Routes.Page("shared", FeedDocuments.Article("Shared story"))
            .Bytes("/feeds/a", Encoding.UTF8.GetBytes(FeedDocuments.Rss(baseUrl, "Feed A", ("a-guid", "Shared story", "page/shared?utm_source=a&amp;utm_medium=rss"))), FeedDocuments.RssType)
            .Bytes("/feeds/b", Encoding.UTF8.GetBytes(FeedDocuments.Rss(baseUrl, "Feed B", ("b-guid", "Shared story", "page/shared?utm_campaign=b"))), FeedDocuments.RssType);
        await using var fixture = await CollectionSetup.CreateAsync();
        var a = await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/a").ToString());
        var b = await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/b").ToString());

        await fixture.Kb.RunAsync(a);
        var (_, fromB) = await fixture.Kb.RunAsync(b);

        Assert.Equal(0, fromB.New);
        var item = Assert.Single(await fixture.Kb.AllItemsAsync());
        var provenance = await fixture.Kb.ListProvenanceAsync(item.Id, None);
        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), provenance.Select(record => record.SourceId!).Order(StringComparer.Ordinal));
        Assert.Equal(server.Url("/page/shared").ToString(), item.CanonicalUrl);
        Assert.Single(server.To("/page/shared"));
    }

    [Fact]
    public async Task RunSourceAsync_FeedArticleWithBytesAlreadyInBase_IsOneItemWithBothProvenances()
    {
        await using var server = await FixtureServer.StartAsync();
        var html = FeedDocuments.Article("Mirrored story");
        server.Routes.Page("original", html).Page("mirror", html)
            .Bytes("/feeds/mirror", Encoding.UTF8.GetBytes(FeedDocuments.Rss(server.BaseUrl.ToString(), "Mirror", ("mirror-guid", "Mirrored story", "page/mirror"))), FeedDocuments.RssType);
        await using var fixture = await CollectionSetup.CreateAsync();
        var added = await fixture.Kb.AddAsync([server.Url("/page/original").ToString()], new Ingest.AddOptions(), null, None);
        var source = await fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url("/feeds/mirror").ToString());

        await fixture.Kb.RunAsync(source);
        var (_, again) = await fixture.Kb.RunAsync(source);

        var item = Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Equal(added.Entries[0].ItemId, item.Id);
        Assert.Contains(await fixture.Kb.ListProvenanceAsync(item.Id, None), record => record.SourceId == source.Id);
        Assert.Equal(0, again.New);
        Assert.Single(server.To("/page/mirror"));
    }

    [Fact]
    public async Task ImportOpmlAsync_ThenExport_RoundTripsFeedsWithFolderTags()
    {
        await using var fixture = await CollectionSetup.CreateAsync();
        var opml = fixture.Input("subs.opml", """
            <?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
            <outline text="Tech"><outline type="rss" text="Feed A" xmlUrl="http://127.0.0.1:9/a.xml"/></outline>
            <outline type="rss" text="Feed B" xmlUrl="http://127.0.0.1:9/b.xml"/></body></opml>
            """);

        var first = await fixture.Kb.ImportOpmlAsync(opml, null, None);
        var again = await fixture.Kb.ImportOpmlAsync(opml, null, None);
        var exported = fixture.Input("exported.opml", await fixture.Kb.ExportOpmlAsync(None));
        await using var other = await CollectionSetup.CreateAsync();
        var reimported = await other.Kb.ImportOpmlAsync(exported, null, None);

        Assert.Equal((2, 0), first);
        Assert.Equal((0, 2), again);
        Assert.Equal((2, 0), reimported);
        var sources = (await other.Kb.ListSourcesAsync(None)).OrderBy(source => source.Target, StringComparer.Ordinal).ToArray();
        Assert.Equal(["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"], sources.Select(source => source.Target));
        Assert.All(sources, source => Assert.Equal(SourceType.Feed, source.Type));
        Assert.Equal(["tech"], sources[0].Tags);
        Assert.Empty(sources[1].Tags);
        Assert.Equal(["Feed A", "Feed B"], sources.Select(source => source.Name));
    }
}
