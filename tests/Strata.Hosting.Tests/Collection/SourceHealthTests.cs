using System.Text;
using Microsoft.AspNetCore.Http;
using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Hosting.Tests.Collection;

public sealed class SourceHealthTests
{
    private const string FeedPath = "/feeds/health";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunSourceAsync_MalformedXml_RecordsOneClearErrorAndStoresNothing()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var fixture = await CollectionSetup.CreateAsync();
        var source = await AddWorkingFeedAsync(server, fixture);
        Serve(server, """<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed</item></channel></rss>""");

        var (saved, result) = await fixture.Kb.RunAsync(source);

        Assert.StartsWith("malformed feed XML", result.Error, StringComparison.Ordinal);
        Assert.Equal(result.Error, saved.LastError);
        Assert.Equal(1, saved.ConsecutiveFailures);
        Assert.Empty(await fixture.Kb.AllItemsAsync());
        Assert.Equal(result.Error, (await fixture.Kb.ListSourceRunsAsync(source.Id, 5, None))[0].Outcome.Error);
    }

    [Fact]
    public async Task RunSourceAsync_XxeAttempt_ExpandsNoEntityAndFetchesNothing()
    {
        await using var server = await FixtureServer.StartAsync(routes => routes.Bytes("/xxe-secret", "TOPSECRET-HTTP"u8.ToArray(), "text/plain"));
        await using var fixture = await CollectionSetup.CreateAsync();
        var secretFile = fixture.Input("secret.txt", "TOPSECRET-FILE");
        var source = await AddWorkingFeedAsync(server, fixture);
        Serve(server, $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY web SYSTEM "{server.Url("/xxe-secret")}"><!ENTITY file SYSTEM "file://{secretFile}">]>
            <rss version="2.0"><channel><title>Evil &web;</title><link>{server.BaseUrl}</link><description>&file;</description>
            <item><guid>x1</guid><title>Entry &web; &file;</title><link>{server.Url("/page/xxe")}</link><description>&file;</description></item></channel></rss>
            """);

        var (saved, _) = await fixture.Kb.RunAsync(source);

        Assert.Empty(server.To("/xxe-secret"));
        Assert.Empty(server.To("/page/xxe"));
        Assert.Empty(await fixture.Kb.AllItemsAsync());
        Assert.Contains("entit", saved.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TOPSECRET", saved.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSourceAsync_50MegabyteFeed_FailsWithSizeErrorAndStoresNothing()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var fixture = await CollectionSetup.CreateAsync();
        var source = await AddWorkingFeedAsync(server, fixture);
        server.Routes.Map(FeedPath, StreamHugeFeedAsync);

        var (saved, _) = await fixture.Kb.RunAsync(source);

        Assert.Contains("larger than", saved.LastError, StringComparison.Ordinal);
        Assert.Contains("limit", saved.LastError, StringComparison.Ordinal);
        Assert.Empty(await fixture.Kb.AllItemsAsync());
        Assert.DoesNotContain(server.Requests, request => request.Path.StartsWith("/page/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunSourceAsync_StalledResponse_TimesOutAfterRetriesAndHealthSaysSo()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var fixture = await CollectionSetup.CreateAsync(configure: options =>
        {
            options.Fetch.Timeout = TimeSpan.FromMilliseconds(500);
            options.Politeness.Retry.MaxAttempts = 2;
        });
        var source = await AddWorkingFeedAsync(server, fixture);
        server.Routes.Map(FeedPath, async context =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as it should.
            }
        });

        var (saved, _) = await fixture.Kb.RunAsync(source);

        Assert.StartsWith("timed out after", saved.LastError, StringComparison.Ordinal);
        Assert.Equal(1 + 2, server.To(FeedPath).Count);
    }

    [Fact]
    public async Task RunSourceAsync_ConnectionDroppedMidBody_RecordsConnectionLost()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var fixture = await CollectionSetup.CreateAsync(configure: options => options.Politeness.Retry.MaxAttempts = 1);
        var source = await AddWorkingFeedAsync(server, fixture);
        server.Routes.Map(FeedPath, async context =>
        {
            context.Response.ContentType = FeedDocuments.RssType;
            context.Response.ContentLength = 100_000;
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        });

        var (saved, _) = await fixture.Kb.RunAsync(source);

        Assert.StartsWith("connection lost", saved.LastError, StringComparison.Ordinal);
        Assert.Empty(await fixture.Kb.AllItemsAsync());
    }

    [Fact]
    public async Task RunSourceAsync_FailingSource_BacksOffInsteadOfHammeringThenRecovers()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var fixture = await CollectionSetup.CreateAsync();
        var every = TimeSpan.FromSeconds(1);
        var source = await AddWorkingFeedAsync(server, fixture, new SourceRequest { Schedule = SourceSchedule.Interval(every) });
        server.Routes.Map(FeedPath, context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        var backoff = fixture.Kb.Options.Politeness.Retry.SourceBackoffBase;

        var (first, _) = await fixture.Kb.RunAsync(source);
        var (second, _) = await fixture.Kb.RunAsync(source);
        var requestsBefore = server.To(FeedPath).Count;
        var (due, _) = await fixture.Kb.CollectDueAsync(null, None);

        Assert.Contains("HTTP 500", second.LastError, StringComparison.Ordinal);
        Assert.Equal((1, 2), (first.ConsecutiveFailures, second.ConsecutiveFailures));
        Assert.Equal(backoff, first.NextRunAt - first.LastRunAt);
        Assert.Equal(backoff * 2, second.NextRunAt - second.LastRunAt);
        Assert.Empty(due);
        Assert.Equal(1 + (2 * fixture.Kb.Options.Politeness.Retry.MaxAttempts), requestsBefore);
        Assert.Equal(requestsBefore, server.To(FeedPath).Count);

        Serve(server, FeedDocuments.Rss(server.BaseUrl.ToString(), "Back", ("b1", "Back again", "page/back")));
        server.Routes.Page("back", FeedDocuments.Article("Back again"));
        var (recovered, result) = await fixture.Kb.RunAsync(source);

        Assert.Equal(1, result.New);
        Assert.Null(recovered.LastError);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Equal(every, recovered.NextRunAt - recovered.LastRunAt);
    }

    [Fact]
    public async Task RunSourceAsync_EntryPagesFailing_RecordsPermanentAndTransientFailuresOnItems()
    {
        await using var server = await FixtureServer.StartAsync();
        await using var fixture = await CollectionSetup.CreateAsync();
        var source = await AddWorkingFeedAsync(server, fixture);
        Serve(server, FeedDocuments.Rss(server.BaseUrl.ToString(), "Flaky", ("gone", "Gone entry", "status/404"), ("busy", "Busy entry", "status/503")));

        var (saved, result) = await fixture.Kb.RunAsync(source);

        Assert.Null(saved.LastError);
        Assert.Equal(2, result.New);
        var failed = await fixture.Kb.ListAsync(new ItemFilter { FailedOnly = true }, None);
        Assert.Equal(2, failed.Count);
        var gone = (await fixture.Kb.GetAsync(failed.Single(item => item.DisplayTitle == "Gone entry").Id, None))!;
        var busy = (await fixture.Kb.GetAsync(failed.Single(item => item.DisplayTitle == "Busy entry").Id, None))!;
        Assert.Contains("HTTP 404", gone.Error, StringComparison.Ordinal);
        Assert.False(gone.ErrorIsTransient);
        Assert.Contains("HTTP 503", busy.Error, StringComparison.Ordinal);
        Assert.True(busy.ErrorIsTransient);
        Assert.Equal(ItemState.Queued, gone.State);
        Assert.Single(server.To("/status/404"));
        Assert.Equal(fixture.Kb.Options.Politeness.Retry.MaxAttempts, server.To("/status/503").Count);
    }

    /// <summary>Adds a feed source while <see cref="FeedPath"/> serves a valid empty feed (adding checks the URL).</summary>
    private static Task<Source> AddWorkingFeedAsync(FixtureServer server, KnowledgeBaseFixture fixture, SourceRequest? request = null)
    {
        Serve(server, FeedDocuments.Rss(server.BaseUrl.ToString(), "Healthy"));
        return fixture.Kb.AddSourceAsync(SourceType.Feed, server.Url(FeedPath).ToString(), request);
    }

    private static void Serve(FixtureServer server, string feed)
    {
        var bytes = Encoding.UTF8.GetBytes(feed);
        server.Routes.Map(FeedPath, context =>
        {
            context.Response.ContentType = FeedDocuments.RssType;
            return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
        });
    }

    private static async Task StreamHugeFeedAsync(HttpContext context)
    {
        const long Size = 50L * 1024 * 1024;
        context.Response.ContentType = FeedDocuments.RssType;
        var item = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 64).Select(index =>
            $"<item><guid>g{index}</guid><title>Entry {index}</title><link>http://127.0.0.1/page/e{index}</link><description>{new string('x', 900)}</description></item>")));
        try
        {
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>", context.RequestAborted);
            for (long sent = 0; sent < Size; sent += item.Length)
            {
                await context.Response.Body.WriteAsync(item, context.RequestAborted);
            }

            await context.Response.WriteAsync("</channel></rss>", context.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client stopped reading at its limit.
        }
    }
}
