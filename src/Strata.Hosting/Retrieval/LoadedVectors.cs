using Strata.Core.Storage;
using Strata.Semantic.Vectors;

namespace Strata.Hosting.Retrieval;

/// <summary>The stored vectors of one model, in memory for scanning, with each row's item and passage ordinal.</summary>
internal sealed class LoadedVectors
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

    public static async Task<LoadedVectors?> LoadAsync(IChunkStore store, string model, bool int8, CancellationToken cancellationToken)
    {
        // Sized from the count up front: a growing list would briefly need twice the memory of the vectors.
        var expected = (await store.CountChunksAsync(model, cancellationToken).ConfigureAwait(false)).EmbeddedChunks;
        float[] values = [];
        var owners = new List<int>(expected);
        var ordinals = new List<int>();
        var ids = new List<string>();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var dimensions = 0;
        await foreach (var stored in store.ReadVectorsAsync(model, null, cancellationToken).ConfigureAwait(false))
        {
            if (dimensions == 0)
            {
                dimensions = stored.Vector.Length;
                values = new float[Math.Max(expected, 1) * dimensions];
            }

            if (stored.Vector.Length != dimensions)
            {
                continue; // a vector of another size under the same key: skip rather than fail the search
            }

            if ((owners.Count + 1) * dimensions > values.Length)
            {
                Array.Resize(ref values, values.Length * 2); // passages embedded while loading
            }

            if (!slots.TryGetValue(stored.ItemId, out var slot))
            {
                slot = ids.Count;
                slots[stored.ItemId] = slot;
                ids.Add(stored.ItemId);
            }

            stored.Vector.CopyTo(values, owners.Count * dimensions);
            owners.Add(slot);
            ordinals.Add(stored.Ordinal);
        }

        if (owners.Count == 0)
        {
            return null;
        }

        var loaded = new LoadedVectors(new VectorIndex(dimensions, values.Length == owners.Count * dimensions ? values : values[..(owners.Count * dimensions)], owners.ToArray()), ids.ToArray(), ordinals.ToArray(), slots, owners.Count);
        if (int8)
        {
            loaded.Index.Quantize();
        }

        return loaded;
    }
}
