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
    public VectorHit[] Search(ReadOnlySpan<float> query, int k, bool[]? allowedOwners = null)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"the query has {query.Length} dimensions, the index {Dimensions}; was the index built with another model?");
        }

        var top = new TopK(Math.Max(1, k));
        if (_quantized is { } quantized)
        {
            quantized.Scan(query, top, RowOwners, allowedOwners);
            return top.ToArray();
        }

        var vectors = _vectors.AsSpan();
        for (var row = 0; row < RowOwners.Length; row++)
        {
            if (allowedOwners is not null && !allowedOwners[RowOwners[row]])
            {
                continue;
            }

            top.Offer(row, TensorPrimitives.Dot(query, vectors.Slice(row * Dimensions, Dimensions)));
        }

        return top.ToArray();
    }
}
