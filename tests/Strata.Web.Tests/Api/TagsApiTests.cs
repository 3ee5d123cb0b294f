using System.Net;
using Xunit;

namespace Strata.Web.Tests.Api;

public sealed class TagsApiTests
{
    [Fact]
    public async Task Tags_are_counted_renamed_and_merged()
    {
        await using var server = await WebServer.StartAsync();
        await server.AddNoteAsync("Ad tech and tracking pixels.", "Tracking", "adtech");
        await server.AddNoteAsync("Real-time bidding in ad exchanges.", "Bidding", "ad-tech");
        await server.AddNoteAsync("Header bidding explained.", "Header bidding", "advertising");
        using var client = server.CreateClient();

        var before = await Json.GetAsync(client, "/api/v1/tags");
        var renamed = await Json.PostAsync(client, "/api/v1/tags/rename", new { from = "advertising", to = "ads" }, HttpStatusCode.OK);
        var merged = await Json.PostAsync(client, "/api/v1/tags/merge", new { from = new[] { "adtech", "ad-tech" }, into = "ads" }, HttpStatusCode.OK);
        var after = await Json.GetAsync(client, "/api/v1/tags");
        await Json.PostAsync(client, "/api/v1/tags/rename", new { from = "no-such-tag", to = "x" }, HttpStatusCode.NotFound);
        await Json.PostAsync(client, "/api/v1/tags/merge", new { into = "ads" }, HttpStatusCode.BadRequest);

        Assert.Equal(1, before.EnumerateArray().Single(tag => tag.GetProperty("tag").GetString() == "adtech").GetProperty("items").GetInt32());
        Assert.Equal(1, renamed.GetProperty("itemsChanged").GetInt32());
        Assert.Equal(2, merged.GetProperty("itemsChanged").GetInt32());
        var ads = after.EnumerateArray().Single(tag => tag.GetProperty("tag").GetString() == "ads");
        Assert.Equal(3, ads.GetProperty("items").GetInt32());
        Assert.DoesNotContain("adtech", Json.Strings(after, "tag"));
    }
}
