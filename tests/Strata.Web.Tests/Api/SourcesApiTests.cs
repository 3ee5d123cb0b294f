using System.Net;
using System.Text;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Web.Tests.Api;

public sealed class SourcesApiTests
{
    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Harbour News</title><link>http://localhost/</link><description>news</description>
        <item><title>Ferry timetable changes</title><link>http://localhost/ferry</link><guid>ferry-1</guid><description>The ferry now leaves at nine every morning from the east pier.</description></item>
        <item><title>New lighthouse lamp</title><link>http://localhost/lamp</link><guid>lamp-1</guid><description>The lighthouse got an LED lamp visible for twenty miles.</description></item>
        </channel></rss>
        """;

    [Fact]
    public async Task A_feed_source_is_added_run_paused_resumed_and_removed()
    {
        await using var site = await FixtureServer.StartAsync(routes => routes.Page("feed.xml", Encoding.UTF8.GetBytes(Feed), "application/rss+xml"));
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        var added = await Json.PostAsync(client, "/api/v1/sources", new { type = "feed", target = site.Url("/page/feed.xml").ToString(), tags = new[] { "harbour" }, every = "2h" }, HttpStatusCode.Created);
        var id = added.GetProperty("id").GetString()!;
        var again = await Json.PostAsync(client, "/api/v1/sources", new { type = "feed", target = site.Url("/page/feed.xml").ToString() }, HttpStatusCode.OK);
        var run = await Json.PostAsync(client, $"/api/v1/sources/{id}/run", new { }, HttpStatusCode.OK);
        var paused = await Json.PostAsync(client, $"/api/v1/sources/{id}/pause", new { }, HttpStatusCode.OK);
        var listed = await Json.GetAsync(client, "/api/v1/sources");
        var resumed = await Json.PostAsync(client, $"/api/v1/sources/{id}/resume", new { }, HttpStatusCode.OK);

        Assert.Equal("new", added.GetProperty("health").GetString());
        Assert.Equal("every 2h", added.GetProperty("schedule").GetString());
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.True(run.GetProperty("succeeded").GetBoolean(), run.ToString());
        Assert.Equal(2, run.GetProperty("new").GetInt32());
        Assert.Equal("ok", run.GetProperty("source").GetProperty("health").GetString());
        Assert.Equal("paused", paused.GetProperty("health").GetString());
        Assert.True(Assert.Single(listed.EnumerateArray()).GetProperty("paused").GetBoolean());
        Assert.False(resumed.GetProperty("paused").GetBoolean());
        Assert.Equal(2, (await Json.GetAsync(client, "/api/v1/items?tag=harbour")).GetProperty("items").GetArrayLength());

        await Json.SendAsync(client, HttpMethod.Delete, $"/api/v1/sources/{id}", null, HttpStatusCode.NoContent);
        await Json.GetAsync(client, $"/api/v1/sources/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Folder_sources_unknown_types_and_unknown_ids_are_refused()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        var folder = await Json.PostAsync(client, "/api/v1/sources", new { type = "folder", target = "/etc" }, HttpStatusCode.BadRequest);
        var type = await Json.PostAsync(client, "/api/v1/sources", new { type = "carrier-pigeon", target = "x" }, HttpStatusCode.BadRequest);
        var schedule = await Json.PostAsync(client, "/api/v1/sources", new { type = "arxiv", target = "cs.CL", every = "often" }, HttpStatusCode.BadRequest);
        await Json.PostAsync(client, "/api/v1/sources/01NOSUCHSOURCE/run", new { }, HttpStatusCode.NotFound);
        await Json.PostAsync(client, "/api/v1/sources/01NOSUCHSOURCE/pause", new { }, HttpStatusCode.NotFound);

        Assert.Contains("strata source add folder", folder.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("feed", type.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("often", schedule.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await server.KnowledgeBase.ListSourcesAsync(CancellationToken.None));
    }
}
