using Microsoft.Extensions.AI;

namespace Strata.Semantic.Embeddings;

/// <summary>
/// Embeddings from an Ollama server's <c>POST /api/embed</c> (batched input). Called directly rather than through
/// OllamaSharp: its current release needs Microsoft.Extensions.* 10.0.10, newer than the rest of Strata pins.
/// Thread-safe. Throws <see cref="EmbeddingException"/> (transient or not) when a request fails.
/// </summary>
public sealed class OllamaEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string _model;
    private readonly int? _dimensions;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OllamaEmbeddingGenerator(HttpClient http, string? endpoint, string model, int? dimensions)
    {
        _http = http;
        _url = HttpEmbeddingClient.Combine(endpoint, EmbeddingProviders.DefaultOllamaEndpoint, "api/embed");
        _model = model;
        _dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("ollama", _url, model, dimensions);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToArray();
        var request = new OllamaEmbedRequest(options?.ModelId ?? _model, inputs, options?.Dimensions ?? _dimensions);
        var response = await HttpEmbeddingClient.PostAsync(_http, _url, request, EmbeddingJson.Default.OllamaEmbedRequest, EmbeddingJson.Default.OllamaEmbedResponse, cancellationToken).ConfigureAwait(false);
        var vectors = response.Embeddings ?? [];
        if (vectors.Count != inputs.Length)
        {
            throw new EmbeddingException($"the Ollama server at {_url} returned {vectors.Count} vectors for {inputs.Length} inputs", isTransient: false);
        }

        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(vector => new Embedding<float>(vector) { ModelId = response.Model ?? _model }))
        {
            Usage = response.PromptEvalCount is { } tokens ? new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens } : null,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => _http.Dispose();
}
