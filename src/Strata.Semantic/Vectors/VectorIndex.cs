using System.Numerics.Tensors;

namespace Strata.Semantic.Vectors;

/// <summary>
/// Unit-length passage vectors in one contiguous block, searched by an exact scan: one SIMD dot product
/// (System.Numerics.Tensors) per row, rows outside the filter skipped before scoring. With
/// <see cref="Quantize"/> the rows are held as int8 (a quarter of the memory) and scored by
/// <see cref="Int8Vectors"/>. Build once, then search from any number of threads.
/// </summary>
public sealed class VectorIndex
{
    /// <summary>Rows from which a search is split across cores (below it, thread hand-offs cost more than they save).</summary>
    public const int ParallelThreshold = 65_536;

    private float[] _vectors;
    private Int8Vectors? _quantized;

    /// <param name="dimensions">Vector size.</param>
    /// <param name="vectors">Row-major, <c>rows × dimensions</c>, each row unit length.</param>
    /// <param name="rowOwners">For each row, the index of the item it belongs to.</param>
    public VectorIndex(int dimensions, float[] vectors, int[] rowOwners)
    {
        if (dimensions <= 0 || vectors.Length != rowOwners.Length * dimensions)
        {
            throw new ArgumentException($"{vectors.Length} values do not make {rowOwners.Length} rows of {dimensions}");
        }

        Dimensions = dimensions;
        _vectors = vectors;
        RowOwners = rowOwners;
    }

    public int Dimensions { get; }

    public int Count => RowOwners.Length;

    /// <summary>Which item each row belongs to.</summary>
    public int[] RowOwners { get; }

    public bool IsQuantized => _quantized is not null;

    /// <summary>Bytes the vectors take (the int8 form once quantized).</summary>
    public long VectorBytes => _quantized?.Bytes ?? (long)_vectors.Length * sizeof(float);

    /// <summary>Switches scoring to int8 rows (per-row scale) and lets the float rows go, for a quarter of the memory.</summary>
    public void Quantize()
    {
        _quantized ??= Int8Vectors.From(_vectors, Dimensions);
        _vectors = [];
    }

    /// <summary>The <paramref name="k"/> rows most similar to <paramref name="query"/> (unit length), best first.</summary>
    /// <param name="query">The query vector.</param>
    /// <param name="k">How many rows to return.</param>
    /// <param name="allowedOwners">When set, only rows whose owner is marked true are scored.</param>
    /// <param name="parallel">Split a large index across cores (false: one thread, e.g. to measure a single core).</param>
    public VectorHit[] Search(ReadOnlySpan<float> query, int k, bool[]? allowedOwners = null, bool parallel = true)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"the query has {query.Length} dimensions, the index {Dimensions}; was the index built with another model?");
        }

        k = Math.Max(1, k);
        var partitions = !parallel || Count < ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, Count / (ParallelThreshold / 2));
        if (partitions <= 1)
        {
            var top = new TopK(k);
            ScanRange(query, 0, Count, top, allowedOwners);
            return top.ToArray();
        }

        // Large indexes are scanned in one slice per core; each keeps its own top k, merged at the end.
        var queryCopy = query.ToArray();
        var tops = new TopK[partitions];
        Parallel.For(0, partitions, part =>
        {
            tops[part] = new TopK(k);
            ScanRange(queryCopy, (int)((long)Count * part / partitions), (int)((long)Count * (part + 1) / partitions), tops[part], allowedOwners);
        });
        var merged = new TopK(k);
        foreach (var hit in tops.SelectMany(top => top.ToArray()))
        {
            merged.Offer(hit.Row, hit.Score);
        }

        return merged.ToArray();
    }

    private void ScanRange(ReadOnlySpan<float> query, int start, int end, TopK top, bool[]? allowedOwners)
    {
        if (_quantized is { } quantized)
        {
            quantized.Scan(query, start, end, top, RowOwners, allowedOwners);
            return;
        }

        var vectors = _vectors.AsSpan();
        var threshold = float.NegativeInfinity;
        for (var row = start; row < end; row++)
        {
            if (allowedOwners is not null && !allowedOwners[RowOwners[row]])
            {
                continue;
            }

            // Most rows fall below the current k-th best: compare before touching the heap.
            var score = TensorPrimitives.Dot(query, vectors.Slice(row * Dimensions, Dimensions));
            if (score > threshold)
            {
                top.Offer(row, score);
                threshold = top.Threshold;
            }
        }
    }
}
