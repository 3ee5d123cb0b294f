using System.Text;
using System.Text.Json;
using Strata.Testing.Files;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class CollectionCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-collect");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task SourceAddFromHomePage_DiscoversFeedCollectsAndRepollsConditionally()
    {
        const string feed = """
            <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom fixture</title><id>urn:x</id><updated>2026-11-01T00:00:00Z</updated>
            <entry><id>urn:1</id><title>Tidal energy notes</title><updated>2026-11-01T00:00:00Z</updated><link href="/full/1"/>
            <content type="html">&lt;p&gt;Tidal turbines convert the kinetic energy of moving water into electricity, and their output is predictable for decades ahead because tides follow the moon. Engineers site them in narrow straits where currents run fastest, anchoring rotors to the seabed and cabling the power ashore. Maintenance is the hard part: salt water, barnacles and storms wear everything down, so designs favour few moving parts and modules that can be lifted out whole.&lt;/p&gt;&lt;p&gt;Second paragraph with more detail about capacity factors, grid connections and the marine life surveys every project needs.&lt;/p&gt;</content></entry>
            </feed>
            """;
        var etag = "\"v1\"";
        await using var server = await FixtureServer.StartAsync(routes => routes
            .Page("home", "<html><head><title>Home</title><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed\"></head><body>Welcome</body></html>")
            .Map("/feed", async context =>
            {
                if (context.Request.Headers.IfNoneMatch == etag)
                {
                    context.Response.StatusCode = 304;
                    return;
                }

                context.Response.Headers.ETag = etag;
                context.Response.ContentType = "application/atom+xml";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(feed));
            }));

        var add = await CliProcess.RunAsync(Data, "source", "add", "feed", server.Url("/page/home").ToString(), "--every", "2h", "--tag", "energy");
        Assert.Equal(0, add.ExitCode);
        Assert.Contains("/feed (every 2h)", add.Out, StringComparison.Ordinal);
        var id = JsonDocument.Parse((await CliProcess.RunAsync(Data, "source", "list", "--json")).Out).RootElement[0].GetProperty("id").GetString()!;

        var first = await CliProcess.RunAsync(Data, "collect", id, "--json");
        var second = await CliProcess.RunAsync(Data, "collect", id, "--json");

        Assert.Equal(1, JsonDocument.Parse(first.Out).RootElement.GetProperty("runs")[0].GetProperty("new").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(second.Out).RootElement.GetProperty("runs")[0].GetProperty("new").GetInt32());
        var feedRequests = server.Requests.Where(request => request.Path == "/feed").ToArray();
        Assert.Equal(2, feedRequests.Length); // first poll, conditional re-poll (discovery read only the home page)
        Assert.Equal(etag, feedRequests[^1].Headers["If-None-Match"]);
        var hit = JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "tidal turbines", "--json")).Out).RootElement.EnumerateArray().Single();
        Assert.Equal("Tidal energy notes", hit.GetProperty("title").GetString());
        Assert.Contains("energy", hit.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        var sources = JsonDocument.Parse((await CliProcess.RunAsync(Data, "source", "list", "--json")).Out).RootElement;
        Assert.Equal("Atom fixture", sources[0].GetProperty("name").GetString());
        Assert.Equal(1, sources[0].GetProperty("itemsCollected").GetInt32());
    }

    [Fact]
    public async Task ImportBookmarksNoFetchAndOpmlRoundTrip_StoreMetadataAndFeeds()
    {
        var bookmarks = _directory.Write("bookmarks.html", """
            <!DOCTYPE NETSCAPE-Bookmark-file-1>
            <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
            <TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>
            <DL><p>
              <DT><H3>Research</H3>
              <DL><p>
                <DT><A HREF="https://example.org/paper?utm_source=x" ADD_DATE="1700000000" TAGS="ml,reading">A paper</A>
                <DT><A HREF="https://example.org/other" ADD_DATE="1700000100">Another page</A>
              </DL><p>
            </DL><p>
            """);
        var opml = _directory.Write("feeds.opml", """
            <?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
            <outline text="Tech"><outline type="rss" text="One" xmlUrl="http://127.0.0.1:9/one.xml"/><outline type="rss" text="Two" xmlUrl="http://127.0.0.1:9/two.xml"/></outline>
            </body></opml>
            """);

        var import = await CliProcess.RunAsync(Data, "import", bookmarks, "--no-fetch", "--json");
        var again = await CliProcess.RunAsync(Data, "import", bookmarks, "--no-fetch", "--json");
        var feeds = await CliProcess.RunAsync(Data, "import", "opml", opml);
        var export = await CliProcess.RunAsync(Data, "export", "opml");

        Assert.Equal(2, JsonDocument.Parse(import.Out).RootElement.GetProperty("imported").GetInt32());
        Assert.Equal(2, JsonDocument.Parse(again.Out).RootElement.GetProperty("alreadyPresent").GetInt32());
        var items = JsonDocument.Parse((await CliProcess.RunAsync(Data, "list", "--kind", "bookmark", "--json")).Out).RootElement;
        Assert.Equal(2, items.GetArrayLength());
        var paper = items.EnumerateArray().Single(item => item.GetProperty("title").GetString() == "A paper");
        Assert.Equal(["ml", "reading", "research"], paper.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()!).Order());
        Assert.StartsWith("2023-11-14", paper.GetProperty("collectedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("queued", paper.GetProperty("state").GetString());
        Assert.Contains("feeds added 2", feeds.Out, StringComparison.Ordinal);
        Assert.Contains("xmlUrl=\"http://127.0.0.1:9/two.xml\"", export.Out, StringComparison.Ordinal);
        Assert.Contains("tech", export.Out, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _directory.Dispose();
}
