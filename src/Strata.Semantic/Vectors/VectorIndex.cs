using System.Numerics.Tensors;

namespace Strata.Semantic.Vectors;

/// <summary>
/// Unit-length passage vectors searched by an exact scan, rows outside the filter skipped before scoring. Two
/// forms: float32 rows in one block (one <c>TensorPrimitives.Dot</c> per row), or int8 rows
/// (<see cref="Int8Vectors"/>, a quarter of the bytes to stream) whose best <c>k × rescoreFactor</c> candidates
/// are rescored with their exact float32 vectors (<see cref="IFloatRows"/>, kept outside the index), so the
/// hits and scores are those of the float32 scan in all but rare near-ties. Build once (see
/// <see cref="VectorIndexBuilder"/>), then search from any number of threads.
/// </summary>
public sealed class VectorIndex : IDisposable
{
    /// <summary>Rows from which a search is split across cores (below it, thread hand-offs cost more than they save).</summary>
    public const int ParallelThreshold = 65_536;

    private readonly IFloatRows? _rescoreRows;
    private readonly int _rescoreFactor;
    private float[] _vectors;
    private Int8Vectors? _quantized;

    /// <summary>A float32 index.</summary>
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

    internal VectorIndex(int dimensions, Int8Vectors quantized, int[] rowOwners, IFloatRows? rescoreRows, int rescoreFactor)
    {
        Dimensions = dimensions;
        _vectors = [];
        _quantized = quantized;
        RowOwners = rowOwners;
        _rescoreRows = rescoreRows;
        _rescoreFactor = rescoreRows is null ? 0 : Math.Max(1, rescoreFactor);
    }

    public int Dimensions { get; }

    public int Count => RowOwners.Length;

    /// <summary>Which item each row belongs to.</summary>
    public int[] RowOwners { get; }

    public bool IsQuantized => _quantized is not null;

    /// <summary>Whether int8 candidates are rescored with float32 vectors (exact scores).</summary>
    public bool IsRescored => _quantized is not null && _rescoreFactor > 0;

    /// <summary>Bytes the scanned vectors take in memory (int8 values and scales once quantized; float rows for rescoring live outside).</summary>
    public long VectorBytes => _quantized?.Bytes ?? (long)_vectors.Length * sizeof(float);

    /// <summary>How the index scans, for the benchmark and <c>strata doctor</c>.</summary>
    public string Description => _quantized is null
        ? "float32 scan (TensorPrimitives.Dot)"
        : $"int8 scan, {Int8Kernels.Active}" + (IsRescored ? $", top k × {_rescoreFactor} rescored with float32" : ", int8 scores");

    /// <summary>The int8 kernel this CPU runs.</summary>
    public static string Int8Kernel => Int8Kernels.Active;

    /// <summary>Switches scoring to int8 rows (per-row scale) and lets the float rows go: approximate scores, no rescoring.</summary>
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
        if (!IsRescored)
        {
            return Scan(query, k, allowedOwners, parallel);
        }

        // The int8 order is nearly the float order: the true top k sits among the int8 top k × R, rescored exactly.
        var candidates = Scan(query, k * _rescoreFactor, allowedOwners, parallel);
        var rows = new int[candidates.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = candidates[i].Row;
        }

        var scores = new float[rows.Length];
        _rescoreRows!.Score(rows, query, scores);
        var top = new TopK(k);
        for (var i = 0; i < rows.Length; i++)
        {
            top.Offer(rows[i], scores[i]);
        }

        return top.ToArray();
    }

    /// <summary>The best <paramref name="k"/> rows by the scanned form's scores (int8 approximations once quantized).</summary>
    private VectorHit[] Scan(ReadOnlySpan<float> query, int k, bool[]? allowedOwners, bool parallel)
    {
        var quantizedQuery = _quantized is null ? null : new QuantizedQuery(query);
        var partitions = !parallel || Count < ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, Count / (ParallelThreshold / 2));
        if (partitions <= 1)
        {
            var top = new TopK(k);
            ScanRange(query, quantizedQuery, 0, Count, top, allowedOwners);
            return top.ToArray();
        }

        // Large indexes are scanned in one slice per core; each keeps its own top k, merged at the end.
        var queryCopy = query.ToArray();
        var tops = new TopK[partitions];
        Parallel.For(0, partitions, part =>
        {
            tops[part] = new TopK(k);
            ScanRange(queryCopy, quantizedQuery, (int)((long)Count * part / partitions), (int)((long)Count * (part + 1) / partitions), tops[part], allowedOwners);
        });
        var merged = new TopK(k);
        foreach (var hit in tops.SelectMany(top => top.ToArray()))
        {
            merged.Offer(hit.Row, hit.Score);
        }

        return merged.ToArray();
    }

    private void ScanRange(ReadOnlySpan<float> query, QuantizedQuery? quantizedQuery, int start, int end, TopK top, bool[]? allowedOwners)
    {
        if (_quantized is { } quantized)
        {
            quantized.Scan(quantizedQuery!, start, end, top, RowOwners, allowedOwners);
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

    public void Dispose() => _rescoreRows?.Dispose();
}
