using Strata.Core.Extraction;

namespace Strata.Core.Storage;

/// <summary>
/// Passages of items and their embeddings. Embeddings are keyed by the passage's content hash and the model, so
/// unchanged text is never embedded twice and a new model simply finds everything missing. Thread-safe.
/// </summary>
public interface IChunkStore
{
    /// <summary>Indexed items that have text but no passages yet (items stored before chunking existed).</summary>
    Task<IReadOnlyList<ItemText>> ListItemsWithoutChunksAsync(int max, CancellationToken cancellationToken);

    /// <summary>Replaces an item's passages; ignored when the item no longer exists.</summary>
    Task SaveChunksAsync(string itemId, IReadOnlyList<TextChunk> chunks, CancellationToken cancellationToken);

    Task<IReadOnlyList<TextChunk>> GetChunksAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Distinct passages (by hash) with no embedding from <paramref name="model"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PendingChunk>> ListChunksToEmbedAsync(string model, int max, CancellationToken cancellationToken);

    /// <summary>Stores vectors by passage hash for <paramref name="model"/>; idempotent.</summary>
    Task SaveEmbeddingsAsync(string model, IReadOnlyList<(string Hash, float[] Vector)> embeddings, CancellationToken cancellationToken);

    /// <summary>Every passage (of one item, when <paramref name="itemId"/> is set) that has an embedding from <paramref name="model"/>.</summary>
    IAsyncEnumerable<StoredVector> ReadVectorsAsync(string model, string? itemId, CancellationToken cancellationToken);

    /// <summary>Passage and embedding counts for <paramref name="model"/> (null: passages only).</summary>
    Task<ChunkCounts> CountChunksAsync(string? model, CancellationToken cancellationToken);

    /// <summary>Ids of the items meeting <paramref name="filter"/> (its limit ignored): vector search filters before scoring.</summary>
    Task<IReadOnlySet<string>> FilterItemIdsAsync(ItemFilter filter, CancellationToken cancellationToken);

    /// <summary>Tag, kind, source and language counts over <paramref name="itemIds"/>.</summary>
    Task<SearchFacets> CountFacetsAsync(IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);
}

/// <summary>An item's text as the chunker needs it.</summary>
public sealed record ItemText(string Id, string? Title, string? Text, IReadOnlyList<PageSpan> Pages);

/// <summary>A passage waiting for an embedding: its hash, and the title and text that make up the model input.</summary>
public sealed record PendingChunk(string Hash, string? Title, string Text);

/// <summary>One stored vector and the passage it belongs to.</summary>
public sealed record StoredVector(string ItemId, int Ordinal, float[] Vector);

public sealed record ChunkCounts(int Items, int ItemsWithChunks, int Chunks, int EmbeddedChunks);

/// <summary>How many results carry each tag, kind, source and language (most frequent first).</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> Tags, IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Sources, IReadOnlyList<FacetCount> Languages)
{
    public static SearchFacets Empty { get; } = new([], [], [], []);
}

public sealed record FacetCount(string Value, int Count);
