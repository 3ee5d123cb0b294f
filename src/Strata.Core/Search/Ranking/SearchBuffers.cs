using System.Buffers;

namespace Strata.Core.Search.Ranking;

/// <summary>
/// The array pools keyword search rents its scratch space from (scores, decoded postings, postings blobs), apart from
/// <see cref="ArrayPool{T}.Shared"/>: the shared pool keeps a rented array per size in every thread that used one and
/// lets go only after about a minute, so a burst of searches on a server's many threads stayed resident long after it.
/// <see cref="Release"/> (called when the server is idle) drops everything these pools hold.
/// </summary>
public static class SearchBuffers
{
    /// <summary>Longest array pooled (a postings list of a million documents); longer ones are allocated and dropped.</summary>
    private const int MaxPooledLength = 1 << 20;

    private static Pools s_pools = new();

    public static ArrayPool<int> Ints => s_pools.Ints;

    public static ArrayPool<float> Floats => s_pools.Floats;

    public static ArrayPool<byte> Bytes => s_pools.Bytes;

    /// <summary>Forgets every pooled array (arrays still rented go back into the new pools, or are dropped).</summary>
    public static void Release() => s_pools = new Pools();

    private sealed class Pools
    {
        private static readonly int ArraysPerBucket = 4 * Environment.ProcessorCount;

        public ArrayPool<int> Ints { get; } = ArrayPool<int>.Create(MaxPooledLength, ArraysPerBucket);

        public ArrayPool<float> Floats { get; } = ArrayPool<float>.Create(MaxPooledLength, ArraysPerBucket);

        public ArrayPool<byte> Bytes { get; } = ArrayPool<byte>.Create(MaxPooledLength, ArraysPerBucket);
    }
}
