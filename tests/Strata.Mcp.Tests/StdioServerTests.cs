using System.Text.Json;
using ModelContextProtocol.Protocol;
using Xunit;

namespace Strata.Mcp.Tests;

/// <summary>The real <c>strata mcp</c> process, driven over stdio by the SDK's client.</summary>
public sealed class StdioServerTests : IDisposable
{
    private readonly McpBase _base = new();

    [Fact]
    public async Task ListTools_AllToolsWithDescriptionsAndSchemas()
    {
        await _base.SeedAsync();
        await using var client = await McpClients.StartStdioAsync(_base.Data);

        var tools = (await client.ListToolsAsync()).ToDictionary(tool => tool.Name);

        Assert.Equal(["add", "ask", "digest", "get_item", "recent", "search", "tag"], tools.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.All(tools.Values, tool => Assert.True(tool.Description.Length > 80, tool.Name));
        var search = tools["search"].JsonSchema;
        Assert.Equal(["query"], search.GetProperty("required").EnumerateArray().Select(name => name.GetString()!).ToArray());
        foreach (var property in new[] { "query", "mode", "tag", "kind", "limit", "offset" })
        {
            Assert.True(search.GetProperty("properties").TryGetProperty(property, out _), property);
        }

        Assert.True(tools["search"].ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.False(tools["add"].ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.Equal("strata", client.ServerInfo?.Name);
    }

    [Fact]
    public async Task CoreCalls_SearchGetItemAddRecentTag_WorkAndRecordProvenance()
    {
        await _base.SeedAsync();
        await using var client = await McpClients.StartStdioAsync(_base.Data);

        await CoreCalls.RunAsync(client, _base);
    }

    [Fact]
    public async Task AddUrl_FetchesThePage_AndEveryAgentWriteIsInItsHistory()
    {
        await _base.SeedAsync();
        await using var server = await Strata.Testing.Http.FixtureServer.StartAsync(routes => routes.Page("tides",
            "<html><head><title>Tidal turbines explained</title></head><body><article><h1>Tidal turbines explained</h1><p>Tidal turbines sit on the seabed of narrow straits, where rotors turn with the flow of the tide twice a day.</p></article></body></html>"));
        var url = server.Url("/page/tides").ToString();
        await using var client = await McpClients.StartStdioAsync(_base.Data);

        var first = (await client.CallAsync("add", new { url, tags = new[] { "energy" } })).Json();
        var again = (await client.CallAsync("add", new { url })).Json();
        var found = (await client.CallAsync("search", new { query = "seabed rotors", tag = "energy" })).Json();

        Assert.Equal("added", first.GetProperty("outcome").GetString());
        Assert.Equal("Tidal turbines explained", first.GetProperty("title").GetString());
        Assert.Equal("alreadypresent", again.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var history = again.GetProperty("history").EnumerateArray().ToArray();
        Assert.Equal(2, history.Count(entry => entry.GetProperty("record").GetString()!.StartsWith($"agent:{McpClients.ClientName}/{McpClients.ClientVersion} add @", StringComparison.Ordinal)));
        Assert.All(history, entry => Assert.Equal(url, entry.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task ChineseNote_ComesBackAsReadableText_NotEscapes()
    {
        await _base.SeedAsync();
        await using var client = await McpClients.StartStdioAsync(_base.Data);

        var added = (await client.CallAsync("add", new { text = "# 个人知识库\n\n把读过的文章放进一个结构化的知识库，随时检索。" })).Json();
        var raw = (await client.CallAsync("get_item", new { id = added.GetProperty("id").GetString() })).Content.OfType<TextContentBlock>().Single().Text;

        Assert.Contains("把读过的文章放进一个结构化的知识库", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeResults_ArePagedWithAContinuation()
    {
        await _base.SeedAsync();
        await using var client = await McpClients.StartStdioAsync(_base.Data);
        var id = (await client.CallAsync("search", new { query = "keepers logbooks" })).Json().GetProperty("items")[0].GetProperty("id").GetString();

        var first = (await client.CallAsync("get_item", new { id, maxChars = 100 })).Json().GetProperty("text");
        var second = (await client.CallAsync("get_item", new { id, maxChars = 100, offset = first.GetProperty("nextOffset").GetInt32() })).Json().GetProperty("text");
        var whole = (await client.CallAsync("get_item", new { id })).Json().GetProperty("text").GetProperty("text").GetString()!;

        Assert.True(first.GetProperty("truncated").GetBoolean());
        Assert.Equal(100, first.GetProperty("nextOffset").GetInt32());
        Assert.Contains("call get_item again (id=" + id + ") with offset=100", first.GetProperty("continuation").GetString(), StringComparison.Ordinal);
        Assert.Equal(whole[..200], first.GetProperty("text").GetString() + second.GetProperty("text").GetString());
        Assert.Equal(whole.Length, second.GetProperty("totalChars").GetInt32());

        var page1 = (await client.CallAsync("search", new { query = "lighthouse", limit = 1 })).Json();
        var page2 = (await client.CallAsync("search", new { query = "lighthouse", limit = 1, offset = 1 })).Json();
        Assert.Equal(1, page1.GetProperty("nextOffset").GetInt32());
        Assert.Contains("offset=1", page1.GetProperty("continuation").GetString(), StringComparison.Ordinal);
        Assert.False(page2.TryGetProperty("nextOffset", out _));
        Assert.NotEqual(page1.GetProperty("items")[0].GetProperty("id").GetString(), page2.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetItem_Page_ReturnsOnlyThatPdfPage()
    {
        await _base.SeedAsync();
        await using var client = await McpClients.StartStdioAsync(_base.Data);
        var id = (await client.CallAsync("search", new { query = "telegraphs" })).Json().GetProperty("items")[0].GetProperty("id").GetString();

        var page = (await client.CallAsync("get_item", new { id, page = 2 })).Json();

        Assert.Equal(2, page.GetProperty("pages").GetArrayLength());
        var text = page.GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains("telegraphs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("semaphores", text, StringComparison.Ordinal);
        Assert.Contains("has pages 1–2, not 7", (await client.CallAsync("get_item", new { id, page = 7 })).Error(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadArguments_ReturnClearErrors_AndTheServerKeepsServing()
    {
        await _base.SeedAsync();
        var environment = new Dictionary<string, string?> { ["STRATA__INGEST__MAXFILEBYTES"] = "4096" };
        await using var client = await McpClients.StartStdioAsync(_base.Data, environment);

        Assert.Contains("no item matches 'NOSUCHID'", (await client.CallAsync("get_item", new { id = "NOSUCHID" })).Error(), StringComparison.Ordinal);
        Assert.Contains("nothing to search for", (await client.CallAsync("search", new { query = "-lighthouse" })).Error(), StringComparison.Ordinal);
        Assert.Contains("unknown kind 'spaceship'", (await client.CallAsync("search", new { query = "kind:spaceship" })).Error(), StringComparison.Ordinal);
        Assert.Contains("unknown mode 'fuzzy'", (await client.CallAsync("search", new { query = "lighthouse", mode = "fuzzy" })).Error(), StringComparison.Ordinal);
        Assert.Contains("limit must be between 1 and 50", (await client.CallAsync("search", new { query = "lighthouse", limit = 500 })).Error(), StringComparison.Ordinal);
        Assert.Contains("over the 4 KB limit (Ingest.MaxFileBytes)", (await client.CallAsync("add", new { text = new string('x', 5000) })).Error(), StringComparison.Ordinal);
        Assert.Contains("not an http(s) URL", (await client.CallAsync("add", new { url = "/etc/passwd" })).Error(), StringComparison.Ordinal);
        Assert.Contains("cannot read 'yesterday-ish'", (await client.CallAsync("recent", new { since = "yesterday-ish" })).Error(), StringComparison.Ordinal);
        Assert.Contains("no item matches", (await client.CallAsync("tag", new { id = "NOSUCHID", add = new[] { "x" } })).Error(), StringComparison.Ordinal);
        Assert.Contains("missing a value for the required parameter 'query'", (await client.CallAsync("search", new { limit = 3 })).Error(), StringComparison.Ordinal);
        Assert.Contains("invalid arguments for 'get_item'", (await client.CallAsync("get_item", new { id = "x", offset = "start" })).Error(), StringComparison.Ordinal);

        // Still serving, and nothing was stored by the failed calls.
        var search = (await client.CallAsync("search", new { query = "lighthouse" })).Json();
        Assert.Equal(2, search.GetProperty("items").GetArrayLength());
        var recent = (await client.CallAsync("recent", new { since = "1d" })).Json();
        Assert.Equal(4, recent.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ReadOnly_HidesAndRefusesWritingTools()
    {
        await _base.SeedAsync();
        await using var client = await McpClients.StartStdioAsync(_base.Data, null, "--read-only");

        var tools = (await client.ListToolsAsync()).Select(tool => tool.Name).ToArray();
        var refused = (await client.CallAsync("add", new { text = "should not be stored" })).Error();

        Assert.DoesNotContain("add", tools);
        Assert.DoesNotContain("tag", tools);
        Assert.Contains("search", tools);
        Assert.Contains("read-only", refused, StringComparison.Ordinal);
        Assert.Contains("read-only", (await client.CallAsync("tag", new { id = "x", add = new[] { "y" } })).Error(), StringComparison.Ordinal);
        Assert.Equal(4, (await client.CallAsync("recent", new { since = "1d" })).Json().GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Resources_ItemsAndSearchTemplates_AreReadable()
    {
        await _base.SeedAsync();
        await using var client = await McpClients.StartStdioAsync(_base.Data);
        var id = (await client.CallAsync("search", new { query = "zettelkasten" })).Json().GetProperty("items")[0].GetProperty("id").GetString();

        var templates = (await client.ListResourceTemplatesAsync()).Select(template => template.UriTemplate).ToArray();
        var item = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync($"strata://item/{id}")).Contents));
        var search = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync("strata://search/" + Uri.EscapeDataString("second brain"))).Contents));

        Assert.Contains("strata://item/{id}", templates);
        Assert.Contains("strata://search/{query}", templates);
        Assert.StartsWith("# The zettelkasten method", item.Text, StringComparison.Ordinal);
        Assert.Contains("one idea each", item.Text, StringComparison.Ordinal);
        Assert.Equal(id, JsonDocument.Parse(search.Text).RootElement[0].GetProperty("id").GetString());
        await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => client.ReadResourceAsync("strata://item/NOSUCHID").AsTask());
        Assert.Equal("strata", client.ServerInfo?.Name);
    }

    [Fact]
    public async Task AskAndDigest_AnswerFromTheBaseWithCitations()
    {
        await _base.SeedAsync();
        await using var client = await McpClients.StartStdioAsync(_base.Data);

        var answer = (await client.CallAsync("ask", new { question = "How does a lighthouse guide ships into the harbour?" })).Json();
        var digest = (await client.CallAsync("digest", new { window = "1d" })).Json();

        Assert.Equal("extractive", answer.GetProperty("kind").GetString());
        Assert.Contains(answer.GetProperty("citations").EnumerateArray(), citation => citation.GetProperty("title").GetString() == "Harbour lights");
        Assert.Equal(4, digest.GetProperty("items").GetInt32());
        Assert.Contains("Harbour lights", digest.GetProperty("markdown").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _base.Dispose();
}
