using Strata.Hosting.Retrieval;
using Strata.Semantic.Embeddings;
using Strata.Semantic.Vectors;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    private readonly SemaphoreSlim _vectorLoad = new(1, 1);
    private volatile LoadedVectors? _vectors;

    /// <summary>
    /// Drops the in-memory vectors so the next semantic search reads the store again. Not disposed here: a search
    /// may still be rescoring from its row file; the mapping is released when the old index is collected.
    /// </summary>
    private void InvalidateVectors() => _vectors = null;

    /// <summary>The index form the configuration asks for; rescoring rows go to a scratch file under the data directory.</summary>
    private VectorIndexOptions VectorIndexOptions => new(Options.Embedding.Int8Index, Options.Embedding.RescoreFactor, _data.CachePath);

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
            return _vectors ??= await LoadedVectors.LoadAsync(_chunks, model.Key, VectorIndexOptions, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _vectorLoad.Release();
        }
    }
}
