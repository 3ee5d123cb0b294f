using Microsoft.AspNetCore.Http;
using Strata.Core.Sources;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Hosting.Tests.Collection;

public sealed class PageSourceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunSourceAsync_ContentChanges_ArchivesNewVersionButIgnoresChromeChanges()
    {
        await using var server = await FixtureServer.StartAsync();
        var page = Page("Pricing rules", "The basic plan costs ten coins a month and includes every feature listed below.", "ad 1");
        server.Routes.Map("/watched", context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(Volatile.Read(ref page));
        });
        await using var fixture = await CollectionSetup.CreateAsync();
        var source = await fixture.Kb.AddSourceAsync(SourceType.Page, server.Url("/watched").ToString());

        var (_, first) = await fixture.Kb.RunAsync(source);
        Volatile.Write(ref page, Page("Pricing rules", "The basic plan costs ten coins a month and includes every feature listed below.", "ad 2 at 10:31"));
        var (_, chromeOnly) = await fixture.Kb.RunAsync(source);
        Volatile.Write(ref page, Page("Pricing rules", "The basic plan now costs twelve coins a month and includes every feature listed below.", "ad 3"));
        var (_, changed) = await fixture.Kb.RunAsync(source);

        Assert.Equal(1, first.New);
        Assert.Equal((0, 1), (chromeOnly.Updated, chromeOnly.Unchanged));
        Assert.Equal(1, changed.Updated);
        var item = Assert.Single(await fixture.Kb.AllItemsAsync());
        var versions = await fixture.Kb.ListVersionsAsync(item.Id, None);
        Assert.Equal(2, versions.Count);
        Assert.Equal(item.ContentHash, versions[^1].Hash);
        Assert.Contains("twelve coins", item.Text, StringComparison.Ordinal);
        Assert.Equal(3, server.To("/watched").Count);
    }

    [Fact]
    public async Task RunSourceAsync_UnchangedPageWithETag_SendsIfNoneMatchAndKeepsOneVersion()
    {
        const string ETag = "W/\"page-1\"";
        await using var server = await FixtureServer.StartAsync(routes => routes.Map("/etag", context =>
        {
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = ETag;
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(Page("Stable", "This page never changes its words, however often it is polled by the watcher.", "ad"));
        }));
        await using var fixture = await CollectionSetup.CreateAsync();
        var source = await fixture.Kb.AddSourceAsync(SourceType.Page, server.Url("/etag").ToString());

        await fixture.Kb.RunAsync(source);
        var (saved, second) = await fixture.Kb.RunAsync(source);

        Assert.Null(saved.LastError);
        Assert.Equal((0, 0), (second.New, second.Updated));
        var polls = server.To("/etag");
        Assert.Equal(ETag, polls[^1].Headers["If-None-Match"]);
        var item = Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Single(await fixture.Kb.ListVersionsAsync(item.Id, None));
    }

    private static string Page(string title, string body, string advert) => $"""
        <html lang="en"><head><title>{title}</title></head><body><nav><a href="/">Home</a> <span class="ad">{advert}</span></nav>
        <article><h1>{title}</h1><p>{body}</p><p>Plans renew every month, and cancelling takes effect at the end of the paid period.</p></article>
        <footer>Updated {advert}</footer></body></html>
        """;
}
