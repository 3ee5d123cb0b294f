using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Strata.Testing.Chat;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that speaks enough of two chat APIs for tests: OpenAI-compatible
/// <c>POST /v1/chat/completions</c> (with <c>usage</c>) and Ollama's <c>POST /api/chat</c> (with
/// <c>prompt_eval_count</c>/<c>eval_count</c>). Replies come from <see cref="Reply"/>; reported usage is
/// deterministic (prompt characters / 4 + 7, reply characters / 4 + 3). Every request is recorded.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedChatRequest> _requests = [];

    private FakeChatServer(WebApplication app) => _app = app;

    /// <summary>The reply to a prompt (all messages' contents joined by newlines); settable while running.</summary>
    public Func<string, string> Reply { get; set; } = _ => "A fake answer [1].";

    /// <summary>OpenAI-compatible base, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public string OpenAiEndpoint { get; private set; } = string.Empty;

    /// <summary>Ollama root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string OllamaEndpoint { get; private set; } = string.Empty;

    public IReadOnlyList<RecordedChatRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("/v1/chat/completions", context => server.HandleAsync(context, ollama: false));
        app.MapPost("/api/chat", context => server.HandleAsync(context, ollama: true));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        server.OpenAiEndpoint = address + "/v1";
        server.OllamaEndpoint = address + "/";
        return server;
    }

    public static int PromptTokensFor(string prompt) => (prompt.Length / 4) + 7;

    public static int CompletionTokensFor(string reply) => (reply.Length / 4) + 3;

    private async Task HandleAsync(HttpContext context, bool ollama)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = JsonNode.Parse(body)!;
        var model = request["model"]?.GetValue<string>() ?? string.Empty;
        var prompt = string.Join('\n', request["messages"]!.AsArray().Select(message => ContentOf(message!["content"])));
        var reply = Reply(prompt);
        var promptTokens = PromptTokensFor(prompt);
        var completionTokens = CompletionTokensFor(reply);
        lock (_requests)
        {
            _requests.Add(new RecordedChatRequest(context.Request.Path, body, model, prompt, reply, promptTokens, completionTokens));
        }

        JsonObject response = ollama
            ? new JsonObject
            {
                ["model"] = model,
                ["created_at"] = "2026-01-01T00:00:00Z",
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply },
                ["done"] = true,
                ["done_reason"] = "stop",
                ["prompt_eval_count"] = promptTokens,
                ["eval_count"] = completionTokens,
                ["total_duration"] = 1000,
            }
            : new JsonObject
            {
                ["id"] = "chatcmpl-fake",
                ["object"] = "chat.completion",
                ["created"] = 1767225600,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
            };
        context.Response.ContentType = ollama ? "application/x-ndjson" : "application/json";
        await context.Response.WriteAsync(response.ToJsonString() + (ollama ? "\n" : string.Empty), context.RequestAborted);
    }

    /// <summary>A message's content: a string, or OpenAI's array of parts with <c>text</c>.</summary>
    private static string ContentOf(JsonNode? content) => content switch
    {
        null => string.Empty,
        JsonArray parts => string.Concat(parts.Select(part => part?["text"]?.GetValue<string>() ?? string.Empty)),
        _ when content.GetValueKind() == JsonValueKind.String => content.GetValue<string>(),
        _ => content.ToJsonString(),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
