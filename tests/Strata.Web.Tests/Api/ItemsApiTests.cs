using System.Net;
using Strata.Core.Items;
using Xunit;

namespace Strata.Web.Tests.Api;

public sealed class ItemsApiTests
{
    [Fact]
    public async Task Items_list_in_pages_with_a_next_offset_until_the_last_page()
    {
        await using var server = await WebServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await server.AddNoteAsync($"Note number {i} about gardening and soil.", $"Garden {i}", i % 2 == 0 ? "even" : "odd");
        }

        using var client = server.CreateClient();

        var first = await Json.GetAsync(client, "/api/v1/items?limit=2");
        var last = await Json.GetAsync(client, "/api/v1/items?limit=2&offset=4");
        var even = await Json.GetAsync(client, "/api/v1/items?tag=even");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, first.GetProperty("nextOffset").GetInt32());
        Assert.Single(last.GetProperty("items").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("nextOffset").ValueKind);
        Assert.Equal(3, even.GetProperty("items").GetArrayLength());
        Assert.All(even.GetProperty("items").EnumerateArray(), item => Assert.Contains("even", item.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString())));
        var allIds = Json.Strings(first.GetProperty("items"), "id").Concat(Json.Strings(last.GetProperty("items"), "id"));
        Assert.Equal(3, allIds.Distinct().Count());
    }

    [Fact]
    public async Task Bad_filters_and_unknown_ids_answer_with_problem_documents()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        var badStatus = await Json.GetAsync(client, "/api/v1/items?status=someday", HttpStatusCode.BadRequest);
        var badLimit = await Json.GetAsync(client, "/api/v1/items?limit=5000", HttpStatusCode.BadRequest);
        var missing = await Json.GetAsync(client, "/api/v1/items/01NOSUCHITEM", HttpStatusCode.NotFound);
        await Json.SendAsync(client, HttpMethod.Patch, "/api/v1/items/01NOSUCHITEM", new { status = "read" }, HttpStatusCode.NotFound);
        await Json.SendAsync(client, HttpMethod.Delete, "/api/v1/items/01NOSUCHITEM", null, HttpStatusCode.NotFound);

        using var malformed = await client.PatchAsync("/api/v1/items/01NOSUCHITEM", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        await Json.ReadAsync(malformed, HttpStatusCode.BadRequest);

        Assert.Contains("inbox, read, archived", badStatus.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("limit", badLimit.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
        Assert.Contains("01NOSUCHITEM", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_added_as_json_is_read_back_in_full_and_a_second_add_finds_it()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        var added = await Json.PostAsync(client, "/api/v1/items", new { note = "# Sourdough\n\nA starter needs flour and water every day.", tags = new[] { "baking" } }, HttpStatusCode.Created);
        var again = await Json.PostAsync(client, "/api/v1/items", new { note = "# Sourdough\n\nA starter needs flour and water every day." }, HttpStatusCode.OK);
        var id = added.GetProperty("id").GetString()!;
        var item = await Json.GetAsync(client, $"/api/v1/items/{id}");

        Assert.Equal("added", added.GetProperty("outcome").GetString());
        Assert.Equal("alreadyPresent", again.GetProperty("outcome").GetString());
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.Equal("note", item.GetProperty("kind").GetString());
        Assert.Contains("flour and water", item.GetProperty("text").GetString(), StringComparison.Ordinal);
        var tag = Assert.Single(item.GetProperty("tags").EnumerateArray(), tag => tag.GetProperty("name").GetString() == "baking");
        Assert.Equal("user", tag.GetProperty("origin").GetString());
        Assert.Equal(0, item.GetProperty("highlights").GetArrayLength());
    }

    [Fact]
    public async Task Adding_needs_exactly_one_of_url_or_note_and_never_reads_server_paths()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        await Json.PostAsync(client, "/api/v1/items", new { title = "nothing" }, HttpStatusCode.BadRequest);
        await Json.PostAsync(client, "/api/v1/items", new { url = "https://example.org/", note = "both" }, HttpStatusCode.BadRequest);
        var path = await Json.PostAsync(client, "/api/v1/items", new { url = "/etc/passwd" }, HttpStatusCode.BadRequest);
        var file = await Json.PostAsync(client, "/api/v1/items", new { url = "file:///etc/passwd" }, HttpStatusCode.BadRequest);

        Assert.Contains("http or https", path.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("http or https", file.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await server.KnowledgeBase.ListAsync(new Strata.Core.Storage.ItemFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task A_url_is_fetched_from_a_loopback_site_and_a_failed_fetch_is_a_422()
    {
        await using var site = await Strata.Testing.Http.FixtureServer.StartAsync(routes => routes.Page("tides",
            "<html><head><title>Tidal power</title></head><body><article><h1>Tidal power</h1><p>" +
            string.Concat(Enumerable.Repeat("Tidal turbines turn the moving sea into electricity, predictably and for decades. ", 20)) + "</p></article></body></html>"));
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        var added = await Json.PostAsync(client, "/api/v1/items", new { url = site.Url("/page/tides").ToString() }, HttpStatusCode.Created);
        var failed = await Json.PostAsync(client, "/api/v1/items", new { url = site.Url("/status/404").ToString() }, HttpStatusCode.UnprocessableEntity);

        var item = await Json.GetAsync(client, $"/api/v1/items/{added.GetProperty("id").GetString()}");
        Assert.Equal("Tidal power", item.GetProperty("title").GetString());
        Assert.Contains("Tidal turbines", item.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("404", failed.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_sets_status_and_favourite_and_delete_removes_the_item()
    {
        await using var server = await WebServer.StartAsync();
        var id = await server.AddNoteAsync("Notes on rivers and deltas.", "Rivers");
        using var client = server.CreateClient();

        var patched = await Json.SendAsync(client, HttpMethod.Patch, $"/api/v1/items/{id}", new { status = "archived", favourite = true }, HttpStatusCode.OK);
        await Json.SendAsync(client, HttpMethod.Patch, $"/api/v1/items/{id}", new { }, HttpStatusCode.BadRequest);
        await Json.SendAsync(client, HttpMethod.Patch, $"/api/v1/items/{id}", new { status = "later" }, HttpStatusCode.BadRequest);
        var archived = await Json.GetAsync(client, "/api/v1/items?status=archived&favourite=true");

        Assert.Equal("archived", patched.GetProperty("status").GetString());
        Assert.True(patched.GetProperty("favourite").GetBoolean());
        Assert.Equal(id, Assert.Single(Json.Strings(archived.GetProperty("items"), "id")));
        var stored = await server.KnowledgeBase.GetAsync(id, CancellationToken.None);
        Assert.Equal(ItemStatus.Archived, stored!.Status);

        await Json.SendAsync(client, HttpMethod.Delete, $"/api/v1/items/{id}", null, HttpStatusCode.NoContent);
        await Json.GetAsync(client, $"/api/v1/items/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tags_and_highlights_are_added_listed_and_removed()
    {
        await using var server = await WebServer.StartAsync();
        var id = await server.AddNoteAsync("Compilers translate source code. Parsers build syntax trees from tokens.", "Compilers");
        using var client = server.CreateClient();

        var tags = await Json.PostAsync(client, $"/api/v1/items/{id}/tags", new { tags = new[] { "cs/compilers", "reading" } }, HttpStatusCode.OK);
        var afterRemove = await Json.SendAsync(client, HttpMethod.Delete, $"/api/v1/items/{id}/tags/cs/compilers", null, HttpStatusCode.OK);
        await Json.PostAsync(client, $"/api/v1/items/{id}/tags", new { tags = Array.Empty<string>() }, HttpStatusCode.BadRequest);
        var highlight = await Json.PostAsync(client, $"/api/v1/items/{id}/highlights", new { text = "Parsers build syntax trees", note = "key idea", start = 34 }, HttpStatusCode.Created);
        await Json.PostAsync(client, $"/api/v1/items/{id}/highlights", new { text = " " }, HttpStatusCode.BadRequest);
        await Json.PostAsync(client, "/api/v1/items/01NOSUCHITEM/highlights", new { text = "x" }, HttpStatusCode.NotFound);
        var listed = await Json.GetAsync(client, $"/api/v1/items/{id}/highlights");
        var item = await Json.GetAsync(client, $"/api/v1/items/{id}");

        Assert.Contains("cs/compilers", Json.Strings(tags, "name"));
        Assert.DoesNotContain("cs/compilers", Json.Strings(afterRemove, "name"));
        Assert.Contains("reading", Json.Strings(afterRemove, "name"));
        Assert.Equal("key idea", highlight.GetProperty("note").GetString());
        Assert.Equal(highlight.GetProperty("id").GetString(), Assert.Single(Json.Strings(listed, "id")));
        Assert.Equal("Parsers build syntax trees", Assert.Single(item.GetProperty("highlights").EnumerateArray()).GetProperty("text").GetString());

        await Json.SendAsync(client, HttpMethod.Delete, $"/api/v1/items/{id}/highlights/{highlight.GetProperty("id").GetString()}", null, HttpStatusCode.NoContent);
        Assert.Equal(0, (await Json.GetAsync(client, $"/api/v1/items/{id}/highlights")).GetArrayLength());
    }
}
