using ModelContextProtocol.Client;
using Strata.Hosting;
using Xunit;

namespace Strata.Mcp.Tests;

/// <summary>The calls an agent makes most (search, get_item, add, recent, tag), checked the same way over every transport.</summary>
public static class CoreCalls
{
    public static async Task RunAsync(McpClient client, McpBase seeded)
    {
        var search = (await client.CallAsync("search", new { query = "lighthouse", limit = 5 })).Json();
        var hits = search.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(2, hits.Length);
        Assert.All(hits, hit => Assert.True(hit.GetProperty("score").GetDouble() >= 0));
        Assert.Contains(hits, hit => hit.GetProperty("snippet").GetString()!.Contains("**lighthouse", StringComparison.OrdinalIgnoreCase));
        var keeper = hits.Single(hit => hit.GetProperty("title").GetString() == "Lighthouse keepers");
        var id = keeper.GetProperty("id").GetString()!;
        Assert.Equal("strata://item/" + id, keeper.GetProperty("resource").GetString());

        var item = (await client.CallAsync("get_item", new { id })).Json();
        Assert.Equal("Lighthouse keepers", item.GetProperty("title").GetString());
        Assert.Contains("Paragraph 40 about lighthouse keepers", item.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(item.GetProperty("text").GetProperty("truncated").GetBoolean());
        Assert.Contains(item.GetProperty("tags").EnumerateArray(), tag => tag.GetProperty("name").GetString() == "history");
        Assert.Contains(item.GetProperty("related").EnumerateArray(), related => related.GetProperty("title").GetString() == "Harbour lights");

        var added = (await client.CallAsync("add", new { text = "Agents remember: the albatross circles the lighthouse twice.", title = "Albatross note", tags = new[] { "agent-memory" } })).Json();
        Assert.Equal("added", added.GetProperty("outcome").GetString());
        Assert.Equal("indexed", added.GetProperty("state").GetString());
        var addedId = added.GetProperty("id").GetString()!;
        Assert.Contains(added.GetProperty("history").EnumerateArray(), entry => entry.GetProperty("record").GetString()!.StartsWith($"agent:{McpClients.ClientName}/{McpClients.ClientVersion} add @", StringComparison.Ordinal));

        var recent = (await client.CallAsync("recent", new { since = "1h" })).Json();
        var newest = recent.GetProperty("items").EnumerateArray().First();
        Assert.Equal(addedId, newest.GetProperty("id").GetString());
        Assert.Equal(5, recent.GetProperty("items").GetArrayLength());
        var tagged = (await client.CallAsync("recent", new { since = "1h", tag = "agent-memory" })).Json();
        Assert.Equal(addedId, Assert.Single(tagged.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        var retag = (await client.CallAsync("tag", new { id = addedId, add = new[] { "birds" }, remove = new[] { "agent-memory" } })).Json();
        Assert.Equal(["birds"], retag.GetProperty("tags").EnumerateArray().Select(tag => tag.GetProperty("name").GetString()!).ToArray());
        var found = (await client.CallAsync("search", new { query = "albatross tag:birds" })).Json();
        Assert.Equal(addedId, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        // The provenance is stored in the base itself (read here with a second connection while the server runs).
        await using var kb = await seeded.OpenAsync();
        var history = (await kb.ListProvenanceAsync(addedId, CancellationToken.None)).Select(record => record.ExternalId).ToArray();
        Assert.Equal(2, history.Length);
        Assert.StartsWith($"{KnowledgeBase.AgentProvenancePrefix}{McpClients.ClientName}/{McpClients.ClientVersion} add @", history[0], StringComparison.Ordinal);
        Assert.StartsWith($"{KnowledgeBase.AgentProvenancePrefix}{McpClients.ClientName}/{McpClients.ClientVersion} tag +birds -agent-memory @", history[1], StringComparison.Ordinal);
        Assert.Equal("Albatross note", (await kb.GetAsync(addedId, CancellationToken.None))!.Title);
    }
}
