using System.Text.Json;
using Xunit;

namespace Strata.Mcp.Tests;

/// <summary>Standard output of <c>strata mcp</c> is the protocol channel: one JSON-RPC message per line and nothing else.</summary>
public sealed class StdoutPurityTests : IDisposable
{
    private readonly McpBase _base = new();

    [Fact]
    public async Task Stdout_CarriesOnlyJsonRpc_AndTheServerExitsWhenStdinCloses()
    {
        await _base.SeedAsync();
        using var process = McpClients.StartRaw(_base.Data, "--verbose");
        string[] requests =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_item","arguments":{"id":"NOSUCHID"}}}""",
            """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"search","arguments":{"query":"lighthouse","limit":"many"}}}""",
            """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"search","arguments":{"query":"lighthouse"}}}""",
        ];
        var error = process.StandardError.ReadToEndAsync();
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(request);
        }

        await process.StandardInput.FlushAsync();
        // Read until every request is answered, then close standard input: the server must exit by itself.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var lines = new List<string>();
        while (lines.Count(line => line.Contains("\"id\":", StringComparison.Ordinal)) < requests.Length - 1)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("stdout closed early: " + string.Join('\n', lines));
            lines.Add(line);
        }

        process.StandardInput.Close();
        lines.AddRange((await process.StandardOutput.ReadToEndAsync(timeout.Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await process.WaitForExitAsync(timeout.Token);

        var messages = lines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.All(messages, message => Assert.Equal("2.0", message.GetProperty("jsonrpc").GetString()));
        var byId = messages.Where(message => message.TryGetProperty("id", out _)).ToDictionary(message => message.GetProperty("id").GetInt32());
        Assert.Equal([1, 2, 3, 4, 5], byId.Keys.Order().ToArray());
        Assert.Contains("no item matches 'NOSUCHID'", byId[3].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("invalid arguments for 'search'", byId[4].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(byId[5].GetProperty("result").TryGetProperty("isError", out var failed) && failed.GetBoolean());
        Assert.Equal(0, process.ExitCode);
        Assert.NotEmpty(await error);
    }

    public void Dispose() => _base.Dispose();
}
