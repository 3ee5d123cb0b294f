using System.Net;
using Xunit;

namespace Strata.Web.Tests.Api;

public sealed class DigestAskUsageApiTests
{
    [Fact]
    public async Task A_digest_is_created_listed_and_read_back()
    {
        await using var server = await WebServer.StartAsync();
        await server.AddNoteAsync("Glaciers are retreating across the Alps as summers warm.", "Glaciers", "climate");
        await server.AddNoteAsync("Sea ice reached a record low this September.", "Sea ice", "climate");
        using var client = server.CreateClient();

        var created = await Json.PostAsync(client, "/api/v1/digests", new { since = "7d" }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var listed = await Json.GetAsync(client, "/api/v1/digests");
        var read = await Json.GetAsync(client, $"/api/v1/digests/{id}");
        var preview = await Json.PostAsync(client, "/api/v1/digests", new { since = "7d", store = false }, HttpStatusCode.OK);
        await Json.GetAsync(client, "/api/v1/digests/01NOSUCHDIGEST", HttpStatusCode.NotFound);
        await Json.PostAsync(client, "/api/v1/digests", new { since = "last tuesday" }, HttpStatusCode.BadRequest);

        Assert.Equal(2, created.GetProperty("itemIds").GetArrayLength());
        Assert.Equal(id, Assert.Single(Json.Strings(listed, "id")));
        Assert.Contains("Glaciers", read.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, preview.GetProperty("id").ValueKind);
        Assert.Single(Json.Strings(await Json.GetAsync(client, "/api/v1/digests"), "id"));
    }

    [Fact]
    public async Task Ask_answers_from_the_base_with_citations_and_refuses_an_empty_question()
    {
        await using var server = await WebServer.StartAsync();
        var id = await server.AddNoteAsync(
            "The Eiffel Tower is 330 metres tall. It was built for the 1889 World's Fair in Paris and was the tallest structure in the world for 41 years.",
            "Eiffel Tower", "paris");
        using var client = server.CreateClient();

        var answer = await Json.PostAsync(client, "/api/v1/ask", new { question = "How tall is the Eiffel Tower?" }, HttpStatusCode.OK);
        var empty = await Json.PostAsync(client, "/api/v1/ask", new { question = "" }, HttpStatusCode.BadRequest);

        Assert.Equal("extractive", answer.GetProperty("kind").GetString());
        Assert.Contains("330", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(id, answer.GetProperty("citations")[0].GetProperty("itemId").GetString());
        Assert.Contains("question", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_reports_totals_and_refuses_an_unknown_grouping()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        var usage = await Json.GetAsync(client, "/api/v1/usage?since=7d&by=model");
        await Json.GetAsync(client, "/api/v1/usage?by=colour", HttpStatusCode.BadRequest);

        Assert.Equal("model", usage.GetProperty("by").GetString());
        Assert.Equal(0, usage.GetProperty("total").GetProperty("calls").GetInt32());
        Assert.Equal(0, usage.GetProperty("rows").GetArrayLength());
    }
}
