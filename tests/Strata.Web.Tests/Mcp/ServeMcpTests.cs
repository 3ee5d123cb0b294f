using System.Net;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace Strata.Web.Tests.Mcp;

/// <summary><c>strata serve</c> exposes MCP's streamable HTTP transport at <c>/mcp</c>, behind the API's authentication.</summary>
public sealed class ServeMcpTests
{
    [Fact]
    public async Task With_authentication_on_mcp_refuses_requests_without_a_token_and_serves_with_one()
    {
        string? secret = null;
        await using var server = await WebServer.StartAsync(async kb => secret = (await kb.CreateApiTokenAsync("agent", CancellationToken.None)).Secret, options => options.Web.RequireAuth = true);
        await server.AddNoteAsync("Kelp forests grow fastest in cold, nutrient-rich water.", "Kelp forests", "ocean");
        var endpoint = new Uri(server.BaseUrl, "mcp");

        using var http = new HttpClient();
        using var anonymous = await http.PostAsync(endpoint, new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectAsync(endpoint, "strata_not-a-real-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await using var client = await ConnectAsync(endpoint, secret);
        var tools = (await client.ListToolsAsync()).Select(tool => tool.Name).ToArray();
        Assert.Contains("search", tools);
        Assert.Contains("add", tools);
        var found = await client.CallToolAsync("search", new Dictionary<string, object?> { ["query"] = "kelp" });
        Assert.NotEqual(true, found.IsError);
        Assert.Contains("Kelp forests", string.Join("\n", found.Content.OfType<TextContentBlock>().Select(block => block.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_mcp_read_only_configured_the_writing_tools_are_not_offered()
    {
        await using var server = await WebServer.StartAsync(configure: options => options.Web.McpReadOnly = true);

        await using var client = await ConnectAsync(new Uri(server.BaseUrl, "mcp"), null);

        var tools = (await client.ListToolsAsync()).Select(tool => tool.Name).ToArray();
        Assert.Contains("search", tools);
        Assert.DoesNotContain("add", tools);
        Assert.DoesNotContain("tag", tools);
    }

    private static async Task<McpClient> ConnectAsync(Uri endpoint, string? token)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await McpClient.CreateAsync(transport, new McpClientOptions { ClientInfo = new Implementation { Name = "web-tests", Version = "1.0" } }, cancellationToken: timeout.Token);
    }
}
