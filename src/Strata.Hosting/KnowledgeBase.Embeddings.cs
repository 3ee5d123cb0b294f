using Strata.Hosting.Retrieval;
using Strata.Semantic.Chunking;
using Strata.Semantic.Embeddings;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Said wherever a model is needed but none is configured.</summary>
    public const string NoModelMessage =
        "no embedding model configured: set Embedding.Provider (openai, ollama or onnx) and Embedding.Model or Embedding.ModelPath in strata.json (see README, Semantic search); keyword search works without one";

    private const int BackfillBatch = 256;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _modelLock = new();
    private EmbeddingModel? _embeddingModel;
    private bool _embeddingModelCreated;

    /// <summary>
    /// The configured embedding model, or null when none is. Throws <see cref="EmbeddingException"/> when the
    /// configuration names a model that cannot be used (e.g. a missing folder).
    /// </summary>
    public EmbeddingModel? EmbeddingModel
    {
        get
        {
            lock (_modelLock)
            {
                if (!_embeddingModelCreated)
                {
                    _embeddingModel = Strata.Semantic.Embeddings.EmbeddingModel.Create(Options.Embedding, EmbeddingDecorator);
                    _embeddingModelCreated = true;
                }

                return _embeddingModel;
            }
        }
    }

    /// <summary>Wraps the embedding generator when the model is first created (e.g. a usage ledger); set before first use.</summary>
    public Func<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>, Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>? EmbeddingDecorator { get; set; }

    /// <summary>
    /// Gives passages to items that have none, then embeds every passage the configured model has no vector for,
    /// in batches, retrying transient failures with exponential backoff. Idempotent and resumable: vectors are
    /// committed per batch and cached by passage hash and model. Without a model it only chunks.
    /// </summary>
    public async Task<EmbedReport> EmbedAsync(IProgress<EmbedProgress>? progress, CancellationToken cancellationToken)
    {
        var chunked = await BackfillChunksAsync(cancellationToken).ConfigureAwait(false);
        var model = EmbeddingModel;
        if (model is null)
        {
            return new EmbedReport(null, chunked, 0, 0, 0, NoModelMessage);
        }

        var before = await _chunks.CountChunksAsync(model.Key, cancellationToken).ConfigureAwait(false);
        var total = before.Chunks - before.EmbeddedChunks;
        var done = 0;
        long tokens = 0;
        progress?.Report(new EmbedProgress(0, total));
        while (true)
        {
            var pending = await _chunks.ListChunksToEmbedAsync(model.Key, model.BatchSize, cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                break;
            }

            float[][] vectors;
            try
            {
                (vectors, var used) = await EmbedWithRetryAsync(model, pending.Select(chunk => TextChunker.EmbeddingInput(chunk.Title, chunk.Text)).ToArray(), cancellationToken).ConfigureAwait(false);
                tokens += used;
            }
            catch (EmbeddingException exception)
            {
                InvalidateVectors();
                return new EmbedReport(model.Key, chunked, done, before.EmbeddedChunks, tokens, exception.Message);
            }

            await _chunks.SaveEmbeddingsAsync(model.Key, pending.Select((chunk, i) => (chunk.Hash, vectors[i])).ToArray(), cancellationToken).ConfigureAwait(false);
            done += pending.Count;
            progress?.Report(new EmbedProgress(Math.Min(done, Math.Max(total, done)), Math.Max(total, done)));
        }

        InvalidateVectors();
        await AssignSemanticCategoriesAsync(cancellationToken).ConfigureAwait(false);
        return new EmbedReport(model.Key, chunked, done, before.EmbeddedChunks, tokens, null);
    }

    private async Task<(float[][] Vectors, long Tokens)> EmbedWithRetryAsync(EmbeddingModel model, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var generated = await model.Generator.GenerateAsync(inputs.Select(input => model.PassagePrefix + input), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (generated.Count != inputs.Count)
                {
                    throw new EmbeddingException($"the embedding model returned {generated.Count} vectors for {inputs.Count} inputs", isTransient: false);
                }

                var vectors = generated.Select(embedding =>
                {
                    var vector = embedding.Vector.ToArray();
                    Strata.Semantic.Embeddings.Onnx.Pooling.Normalize(vector);
                    return vector;
                }).ToArray();
                return (vectors, generated.Usage?.InputTokenCount ?? 0);
            }
            catch (EmbeddingException exception) when (exception.IsTransient && attempt < Options.Embedding.MaxAttempts)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
        }
    }

    /// <summary>Passage and vector counts for a model key (null: passages only).</summary>
    public Task<Strata.Core.Storage.ChunkCounts> CountChunksAsync(string? model, CancellationToken cancellationToken) => _chunks.CountChunksAsync(model, cancellationToken);

    /// <summary>Chunks indexed items that have no passages (a base created before chunking, or a changed chunker).</summary>
    private async Task<int> BackfillChunksAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            var items = await _chunks.ListItemsWithoutChunksAsync(BackfillBatch, cancellationToken).ConfigureAwait(false);
            var progressed = 0;
            foreach (var item in items)
            {
                var chunks = _chunker.Chunk(item.Title, item.Text, item.Pages);
                if (chunks.Count > 0)
                {
                    await _chunks.SaveChunksAsync(item.Id, chunks, cancellationToken).ConfigureAwait(false);
                    progressed++;
                }
            }

            count += progressed;
            if (items.Count < BackfillBatch || progressed == 0)
            {
                return count;
            }
        }
    }
}
