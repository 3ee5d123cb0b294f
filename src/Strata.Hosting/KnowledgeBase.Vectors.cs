using Strata.Hosting.Retrieval;
using Strata.Semantic.Embeddings;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    private readonly SemaphoreSlim _vectorLoad = new(1, 1);
    private volatile LoadedVectors? _vectors;

    /// <summary>Drops the in-memory vectors so the next semantic search reads the store again.</summary>
    private void InvalidateVectors() => _vectors = null;

    /// <summary>The configured model's vectors, loaded once per process (and again after an embedding run); null when there are none.</summary>
    private async Task<LoadedVectors?> GetVectorsAsync(EmbeddingModel model, CancellationToken cancellationToken)
    {
        if (_vectors is { } loaded)
        {
            return loaded;
        }

        await _vectorLoad.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _vectors ??= await LoadedVectors.LoadAsync(_chunks, model.Key, Options.Embedding.Int8Index, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _vectorLoad.Release();
        }
    }
}
