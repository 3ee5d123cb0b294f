using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Strata.Mcp.Tests;

/// <summary>Connects the SDK's MCP client to the real <c>strata mcp</c> process, and reads tool replies.</summary>
public static class McpClients
{
    public const string ClientName = "strata-tests";

    public const string ClientVersion = "9.9.1";

    /// <summary>The CLI's own build output (same configuration as the tests).</summary>
    private static readonly string Entry = Path.Combine(
        Strata.Testing.Files.RepositoryPaths.Root, "src", "Strata.Cli", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "strata.dll");

    public static McpClientOptions Options => new() { ClientInfo = new Implementation { Name = ClientName, Version = ClientVersion } };

    /// <summary>Starts <c>dotnet strata.dll --data <paramref name="data"/> mcp [extra]</c> and connects to it over stdio.</summary>
    public static async Task<McpClient> StartStdioAsync(string data, IReadOnlyDictionary<string, string?>? environment = null, params string[] extra)
    {
        var variables = new Dictionary<string, string?> { ["STRATA_DATA"] = null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "strata",
            Command = "dotnet",
            Arguments = [Entry, "--data", data, "mcp", .. extra],
            EnvironmentVariables = variables,
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await McpClient.CreateAsync(transport, Options, cancellationToken: timeout.Token);
    }

    /// <summary>Starts <c>strata mcp</c> with redirected streams, for tests that speak the protocol by hand.</summary>
    public static System.Diagnostics.Process StartRaw(string data, params string[] extra)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Entry, "--data", data, "mcp" }.Concat(extra))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("STRATA_DATA");
        return System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("cannot start strata mcp");
    }

    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments = null) =>
        await client.CallToolAsync(tool, arguments is null ? null : JsonSerializer.SerializeToElement(arguments).Deserialize<Dictionary<string, object?>>());

    /// <summary>The JSON a successful tool call returned.</summary>
    public static JsonElement Json(this CallToolResult result)
    {
        var text = Text(result);
        if (result.IsError == true)
        {
            throw new InvalidOperationException("the tool failed: " + text);
        }

        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The message of a failed tool call (fails when the call succeeded).</summary>
    public static string Error(this CallToolResult result) =>
        result.IsError == true ? Text(result) : throw new InvalidOperationException("the tool succeeded: " + Text(result));

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
}
