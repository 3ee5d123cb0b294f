using Microsoft.Extensions.AI;

namespace Strata.Semantic.Embeddings;

/// <summary>
/// Embeddings from any server speaking OpenAI's <c>POST /v1/embeddings</c> (OpenAI, vLLM, llama.cpp server, LM
/// Studio). Thread-safe. Throws <see cref="EmbeddingException"/> (transient or not) when a request fails.
/// </summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string _model;
    private readonly int? _dimensions;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OpenAiEmbeddingGenerator(HttpClient http, string? endpoint, string model, string? apiKey, int? dimensions)
    {
        _http = http;
        _url = HttpEmbeddingClient.Combine(endpoint, EmbeddingProviders.DefaultOpenAiEndpoint, "embeddings");
        _model = model;
        _dimensions = dimensions;
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        _metadata = new EmbeddingGeneratorMetadata("openai", _url, model, dimensions);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToArray();
        var request = new OpenAiEmbeddingRequest(options?.ModelId ?? _model, inputs, "float", options?.Dimensions ?? _dimensions);
        var response = await HttpEmbeddingClient.PostAsync(_http, _url, request, EmbeddingJson.Default.OpenAiEmbeddingRequest, EmbeddingJson.Default.OpenAiEmbeddingResponse, cancellationToken).ConfigureAwait(false);
        var data = response.Data ?? [];
        if (data.Count != inputs.Length || data.Any(item => item.Embedding is null || item.Index < 0 || item.Index >= inputs.Length))
        {
            throw new EmbeddingException($"the embedding server at {_url} returned {data.Count} vectors for {inputs.Length} inputs", isTransient: false);
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>(data.OrderBy(item => item.Index).Select(item => new Embedding<float>(item.Embedding!) { ModelId = response.Model ?? _model }));
        if (response.Usage is { } usage)
        {
            embeddings.Usage = new UsageDetails { InputTokenCount = usage.PromptTokens, TotalTokenCount = usage.TotalTokens ?? usage.PromptTokens };
        }

        return embeddings;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => _http.Dispose();
}
