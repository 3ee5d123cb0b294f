using Microsoft.Extensions.AI;
using Strata.Semantic.Embeddings.Onnx;

namespace Strata.Semantic.Embeddings;

/// <summary>
/// The configured embedding generator plus what Strata needs around it: a stable key for the cache (provider,
/// model, size), the query and passage prefixes the model expects, and unit-length vectors. The generator is an
/// ordinary <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, so decorators (a token ledger, logging) wrap it.
/// </summary>
public sealed class EmbeddingModel : IDisposable
{
    private const string BgeQueryInstruction = "Represent this sentence for searching relevant passages: ";

    public EmbeddingModel(IEmbeddingGenerator<string, Embedding<float>> generator, string key, string queryPrefix, string passagePrefix, int batchSize)
    {
        Generator = generator;
        Key = key;
        QueryPrefix = queryPrefix;
        PassagePrefix = passagePrefix;
        BatchSize = Math.Max(1, batchSize);
    }

    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; }

    /// <summary>Names the vector space, e.g. <c>openai:text-embedding-3-small</c>; embeddings are cached under it.</summary>
    public string Key { get; }

    public string QueryPrefix { get; }

    public string PassagePrefix { get; }

    public int BatchSize { get; }

    /// <summary>
    /// The model <paramref name="options"/> describe, or null when none is configured. Throws
    /// <see cref="EmbeddingException"/> when the configuration is unusable (a missing model folder).
    /// </summary>
    /// <param name="options">The <c>Embedding</c> section.</param>
    /// <param name="decorate">Wraps the generator (e.g. a usage ledger); null leaves it as it is.</param>
    public static EmbeddingModel? Create(EmbeddingOptions options, Func<IEmbeddingGenerator<string, Embedding<float>>, IEmbeddingGenerator<string, Embedding<float>>>? decorate = null)
    {
        if (!options.IsEnabled)
        {
            return null;
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new EmbeddingException(string.Join("; ", problems), isTransient: false);
        }

        var provider = options.Provider.ToLowerInvariant();
        IEmbeddingGenerator<string, Embedding<float>> generator = provider switch
        {
            EmbeddingProviders.OpenAi => new OpenAiEmbeddingGenerator(NewHttpClient(options), options.Endpoint, options.Model!, options.ApiKey, options.Dimensions),
            EmbeddingProviders.Ollama => new OllamaEmbeddingGenerator(NewHttpClient(options), options.Endpoint, options.Model!, options.Dimensions),
            _ => new OnnxEmbeddingGenerator(options.ModelPath!, options.Model, options.Pooling, options.MaxTokens),
        };
        var name = options.Model ?? Path.GetFileName(Path.GetFullPath(options.ModelPath!).TrimEnd(Path.DirectorySeparatorChar));
        var key = $"{provider}:{name}" + (options.Dimensions is { } size ? $":{size}" : string.Empty);
        var lower = name.ToLowerInvariant();
        var (query, passage) = lower switch
        {
            _ when lower.Contains("e5", StringComparison.Ordinal) => ("query: ", "passage: "),
            _ when lower.Contains("bge", StringComparison.Ordinal) && !lower.Contains("m3", StringComparison.Ordinal) => (BgeQueryInstruction, string.Empty),
            _ when lower.Contains("nomic-embed", StringComparison.Ordinal) => ("search_query: ", "search_document: "),
            _ => (string.Empty, string.Empty),
        };
        return new EmbeddingModel(decorate?.Invoke(generator) ?? generator, key, options.QueryPrefix ?? query, options.PassagePrefix ?? passage, options.BatchSize);
    }

    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellationToken)
    {
        var vectors = await EmbedAsync([QueryPrefix + query], cancellationToken).ConfigureAwait(false);
        return vectors[0];
    }

    /// <summary>Embeds passages (one request; callers batch by <see cref="BatchSize"/>), each scaled to unit length.</summary>
    public Task<float[][]> EmbedPassagesAsync(IReadOnlyList<string> passages, CancellationToken cancellationToken) =>
        EmbedAsync(passages.Select(passage => PassagePrefix + passage).ToArray(), cancellationToken);

    private async Task<float[][]> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var generated = await Generator.GenerateAsync(inputs, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (generated.Count != inputs.Count)
        {
            throw new EmbeddingException($"the embedding model returned {generated.Count} vectors for {inputs.Count} inputs", isTransient: false);
        }

        return generated.Select(embedding =>
        {
            var vector = embedding.Vector.ToArray();
            Pooling.Normalize(vector);
            return vector;
        }).ToArray();
    }

    private static HttpClient NewHttpClient(EmbeddingOptions options) => new() { Timeout = options.Timeout };

    public void Dispose() => Generator.Dispose();
}
