using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Strata.Testing.Embeddings;

/// <summary>
/// A real Kestrel server on 127.0.0.1 speaking OpenAI's <c>POST /v1/embeddings</c> and Ollama's
/// <c>POST /api/embed</c>. Vectors are deterministic bags of words (<see cref="VectorFor"/>), so texts sharing
/// words are similar; usage counts words. Every request is recorded; <see cref="FailNext"/> makes the next
/// requests fail with a status, for retry tests.
/// </summary>
public sealed class FakeEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<EmbeddingRequestRecord> _requests = [];
    private int _failuresLeft;
    private int _failureStatus;

    private FakeEmbeddingServer(WebApplication app, int dimensions)
    {
        _app = app;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c> (OpenAI clients add <c>/v1</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<EmbeddingRequestRecord> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeEmbeddingServer> StartAsync(int dimensions = 64)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeEmbeddingServer).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeEmbeddingServer(app, dimensions);
        app.MapPost("/v1/embeddings", server.OpenAiAsync);
        app.MapPost("/api/embed", server.OllamaAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> instead of vectors.</summary>
    public void FailNext(int count, int status)
    {
        Interlocked.Exchange(ref _failureStatus, status);
        Interlocked.Exchange(ref _failuresLeft, count);
    }

    /// <summary>The vector served for <paramref name="text"/>: word counts hashed into the dimensions (FNV-1a), not normalised.</summary>
    public static float[] VectorFor(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in Words(text))
        {
            var hash = 2166136261u;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }

            vector[hash % (uint)dimensions] += 1;
        }

        if (vector.All(value => value == 0))
        {
            vector[0] = 1;
        }

        return vector;
    }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => new string(word.Where(char.IsLetterOrDigit).ToArray())).Where(word => word.Length > 0);

    private async Task OpenAiAsync(HttpContext context)
    {
        var (model, inputs) = await ReadAsync(context, "/v1/embeddings");
        if (await FailedAsync(context))
        {
            return;
        }

        var data = new JsonArray(inputs.Select((input, index) => (JsonNode)new JsonObject
        {
            ["object"] = "embedding",
            ["index"] = index,
            ["embedding"] = new JsonArray(VectorFor(input, Dimensions).Select(value => (JsonNode)JsonValue.Create(value)).ToArray()),
        }).ToArray());
        var tokens = inputs.Sum(input => Words(input).Count());
        await WriteAsync(context, new JsonObject { ["object"] = "list", ["data"] = data, ["model"] = model, ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens } });
    }

    private async Task OllamaAsync(HttpContext context)
    {
        var (model, inputs) = await ReadAsync(context, "/api/embed");
        if (await FailedAsync(context))
        {
            return;
        }

        var embeddings = new JsonArray(inputs.Select(input => (JsonNode)new JsonArray(VectorFor(input, Dimensions).Select(value => (JsonNode)JsonValue.Create(value)).ToArray())).ToArray());
        await WriteAsync(context, new JsonObject { ["model"] = model, ["embeddings"] = embeddings, ["prompt_eval_count"] = inputs.Sum(input => Words(input).Count()) });
    }

    private async Task<(string Model, string[] Inputs)> ReadAsync(HttpContext context, string route)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        var model = body["model"]?.GetValue<string>() ?? string.Empty;
        var input = body["input"];
        var inputs = input is JsonArray array ? array.Select(node => node!.GetValue<string>()).ToArray() : [input?.GetValue<string>() ?? string.Empty];
        lock (_requests)
        {
            _requests.Add(new EmbeddingRequestRecord(route, model, inputs, context.Request.Headers.Authorization.ToString(), body["dimensions"]?.GetValue<int>()));
        }

        return (model, inputs);
    }

    private async Task<bool> FailedAsync(HttpContext context)
    {
        if (Interlocked.Decrement(ref _failuresLeft) < 0)
        {
            Interlocked.Exchange(ref _failuresLeft, 0);
            return false;
        }

        context.Response.StatusCode = _failureStatus;
        await context.Response.WriteAsync("{\"error\":{\"message\":\"injected failure\"}}");
        return true;
    }

    private static async Task WriteAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(JsonSerializerOptions.Default));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the fake server received.</summary>
public sealed record EmbeddingRequestRecord(string Route, string Model, IReadOnlyList<string> Inputs, string Authorization, int? Dimensions);
