using Strata.Core.Storage;
using Strata.Semantic.Vectors;

namespace Strata.Hosting.Retrieval;

/// <summary>The stored vectors of one model, in memory for scanning, with each row's item and passage ordinal.</summary>
internal sealed class LoadedVectors : IDisposable
{
    private LoadedVectors(VectorIndex index, string[] itemIds, int[] ordinals, Dictionary<string, int> slots, int count)
    {
        Index = index;
        ItemIds = itemIds;
        Ordinals = ordinals;
        Slots = slots;
        StoredCount = count;
    }

    public VectorIndex Index { get; }

    /// <summary>Item id by owner slot.</summary>
    public string[] ItemIds { get; }

    /// <summary>Passage ordinal by row.</summary>
    public int[] Ordinals { get; }

    /// <summary>Owner slot by item id.</summary>
    public Dictionary<string, int> Slots { get; }

    /// <summary>Passages embedded when this was loaded (a changed count means reload).</summary>
    public int StoredCount { get; }

    /// <summary>Reads every vector of <paramref name="model"/> into an index of the given form; null when there are none.</summary>
    public static async Task<LoadedVectors?> LoadAsync(IChunkStore store, string model, VectorIndexOptions options, CancellationToken cancellationToken)
    {
        // Sized from the count up front: a growing buffer would briefly need twice the memory of the vectors.
        var expected = (await store.CountChunksAsync(model, cancellationToken).ConfigureAwait(false)).EmbeddedChunks;
        VectorIndexBuilder? builder = null;
        try
        {
            var ordinals = new List<int>(expected);
            var ids = new List<string>();
            var slots = new Dictionary<string, int>(StringComparer.Ordinal);
            await foreach (var stored in store.ReadVectorsAsync(model, null, cancellationToken).ConfigureAwait(false))
            {
                builder ??= new VectorIndexBuilder(stored.Vector.Length, expected, options);
                if (stored.Vector.Length != builder.Dimensions)
                {
                    continue; // a vector of another size under the same key: skip rather than fail the search
                }

                if (!slots.TryGetValue(stored.ItemId, out var slot))
                {
                    slot = ids.Count;
                    slots[stored.ItemId] = slot;
                    ids.Add(stored.ItemId);
                }

                builder.Add(stored.Vector, slot);
                ordinals.Add(stored.Ordinal);
            }

            return builder is null || builder.Count == 0
                ? null
                : new LoadedVectors(builder.Build(), ids.ToArray(), ordinals.ToArray(), slots, ordinals.Count);
        }
        finally
        {
            builder?.Dispose();
        }
    }

    public void Dispose() => Index.Dispose();
}
