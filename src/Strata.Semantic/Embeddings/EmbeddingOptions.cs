namespace Strata.Semantic.Embeddings;

/// <summary>
/// Which embedding model serves semantic search (the <c>Embedding</c> section of <c>strata.json</c>). With no
/// provider, search is keyword-only. Nothing is ever downloaded: a local model is a folder the user points at.
/// </summary>
public sealed class EmbeddingOptions
{
    /// <summary><c>none</c> (default), <c>openai</c> (any OpenAI-compatible server), <c>ollama</c> or <c>onnx</c>.</summary>
    public string Provider { get; set; } = EmbeddingProviders.None;

    /// <summary>Base URL: for openai the part before <c>/embeddings</c> (default https://api.openai.com/v1); for ollama the server (default http://localhost:11434).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model name sent to the server (e.g. <c>text-embedding-3-small</c>, <c>nomic-embed-text</c>); for onnx a label (default: the folder name).</summary>
    public string? Model { get; set; }

    /// <summary>API key for openai-compatible servers; prefer the environment: <c>STRATA__EMBEDDING__APIKEY</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>For onnx: a folder holding <c>model.onnx</c> (or <c>onnx/model.onnx</c>) and <c>vocab.txt</c> or <c>tokenizer.json</c>.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Ask the server for vectors of this size (models that support shortening); null: the model's own.</summary>
    public int? Dimensions { get; set; }

    /// <summary>Passages sent per request.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Text put before a query (e5: <c>query: </c>; bge: an instruction); null: chosen from the model name.</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Text put before a passage (e5: <c>passage: </c>); null: chosen from the model name.</summary>
    public string? PassagePrefix { get; set; }

    /// <summary>For onnx: <c>mean</c> or <c>cls</c>; null: from the model folder's <c>1_Pooling/config.json</c>, else by name (bge: cls), else mean.</summary>
    public string? Pooling { get; set; }

    /// <summary>For onnx: longest input in tokens (longer passages are truncated).</summary>
    public int MaxTokens { get; set; } = 512;

    /// <summary>
    /// Scan int8 vectors (a quarter of the memory and of the bytes streamed per query) and rescore the best
    /// candidates with their float32 vectors, read from a memory-mapped scratch file (default). False: hold and
    /// scan float32 vectors in memory. The store keeps float32 either way.
    /// </summary>
    public bool Int8Index { get; set; } = true;

    /// <summary>With <see cref="Int8Index"/>: candidates rescored per wanted passage (top k × this); 0 returns int8 scores as they are.</summary>
    public int RescoreFactor { get; set; } = Vectors.VectorIndexOptions.DefaultRescoreFactor;

    /// <summary>Limit for one request to a server.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Tries for a batch that fails transiently (timeouts, 5xx, 429), with exponential backoff.</summary>
    public int MaxAttempts { get; set; } = 4;

    public bool IsEnabled => !string.Equals(Provider, EmbeddingProviders.None, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(Provider);

    /// <summary>Problems a user may have made in the section; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsEnabled)
        {
            return problems;
        }

        switch (Provider.ToLowerInvariant())
        {
            case EmbeddingProviders.OpenAi or EmbeddingProviders.Ollama when string.IsNullOrWhiteSpace(Model):
                problems.Add($"Embedding.Model is required for provider {Provider} (e.g. text-embedding-3-small, nomic-embed-text)");
                break;
            case EmbeddingProviders.Onnx when string.IsNullOrWhiteSpace(ModelPath):
                problems.Add("Embedding.ModelPath is required for provider onnx: a folder with model.onnx and vocab.txt or tokenizer.json");
                break;
            case EmbeddingProviders.OpenAi or EmbeddingProviders.Ollama or EmbeddingProviders.Onnx:
                break;
            default:
                problems.Add($"Embedding.Provider '{Provider}' is not one of none, openai, ollama, onnx");
                break;
        }

        if (RescoreFactor is < 0 or > 64)
        {
            problems.Add("Embedding.RescoreFactor must be between 0 (int8 scores only) and 64");
        }

        if (BatchSize is < 1 or > 2048)
        {
            problems.Add("Embedding.BatchSize must be between 1 and 2048");
        }

        if (MaxAttempts is < 1 or > 20)
        {
            problems.Add("Embedding.MaxAttempts must be between 1 and 20");
        }

        return problems;
    }
}
