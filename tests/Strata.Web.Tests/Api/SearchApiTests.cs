using System.Net;
using Xunit;

namespace Strata.Web.Tests.Api;

public sealed class SearchApiTests
{
    [Fact]
    public async Task Search_returns_marked_snippets_facets_and_pages()
    {
        await using var server = await WebServer.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            await server.AddNoteAsync($"Volcanoes erupt when magma rises. Entry {i} about <b>volcano</b> monitoring.", $"Volcano {i}", "geology");
        }

        await server.AddNoteAsync("Bread needs flour, water and salt.", "Bread", "baking");
        using var client = server.CreateClient();

        var first = await Json.GetAsync(client, "/api/v1/search?q=magma&limit=3&facets=true");
        var second = await Json.GetAsync(client, "/api/v1/search?q=magma&limit=3&offset=3");
        var tagged = await Json.GetAsync(client, "/api/v1/search?q=tag:baking");

        Assert.Equal(3, first.GetProperty("results").GetArrayLength());
        Assert.Equal(3, first.GetProperty("nextOffset").GetInt32());
        Assert.Single(second.GetProperty("results").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("nextOffset").ValueKind);
        Assert.Equal("keyword", first.GetProperty("mode").GetString());
        var hit = first.GetProperty("results")[0];
        Assert.Contains("<mark>", hit.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", hit.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u0002', hit.GetProperty("snippet").GetString()!);
        Assert.Equal("geology", first.GetProperty("facets").GetProperty("tags")[0].GetProperty("value").GetString());
        Assert.Equal("Bread", Assert.Single(tagged.GetProperty("results").EnumerateArray()).GetProperty("item").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Search_without_a_query_or_with_an_unknown_mode_is_a_400()
    {
        await using var server = await WebServer.StartAsync();
        using var client = server.CreateClient();

        var empty = await Json.GetAsync(client, "/api/v1/search", HttpStatusCode.BadRequest);
        var mode = await Json.GetAsync(client, "/api/v1/search?q=x&mode=psychic", HttpStatusCode.BadRequest);
        await Json.GetAsync(client, "/api/v1/search?q=x&offset=600", HttpStatusCode.BadRequest);

        Assert.Contains("q=", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("keyword", mode.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
