using System.Numerics;
using System.Numerics.Tensors;

namespace Strata.Semantic.Vectors;

/// <summary>
/// Rows quantized to int8 with one scale per row (value ≈ q × scale, q in −127…127). A query is quantized the
/// same way; the integer dot product (SIMD, widened to int32) times both scales approximates the float score.
/// </summary>
internal sealed class Int8Vectors
{
    private readonly sbyte[] _values;
    private readonly float[] _scales;
    private readonly int _dimensions;

    private Int8Vectors(sbyte[] values, float[] scales, int dimensions)
    {
        _values = values;
        _scales = scales;
        _dimensions = dimensions;
    }

    public long Bytes => _values.LongLength + ((long)_scales.Length * sizeof(float));

    public static Int8Vectors From(float[] vectors, int dimensions)
    {
        var rows = vectors.Length / dimensions;
        var values = new sbyte[vectors.Length];
        var scales = new float[rows];
        for (var row = 0; row < rows; row++)
        {
            scales[row] = QuantizeRow(vectors.AsSpan(row * dimensions, dimensions), values.AsSpan(row * dimensions, dimensions));
        }

        return new Int8Vectors(values, scales, dimensions);
    }

    public void Scan(ReadOnlySpan<float> query, int start, int end, TopK top, int[] owners, bool[]? allowedOwners)
    {
        Span<sbyte> q = stackalloc sbyte[_dimensions];
        var queryScale = QuantizeRow(query, q);
        var values = _values.AsSpan();
        var threshold = float.NegativeInfinity;
        for (var row = start; row < end; row++)
        {
            if (allowedOwners is not null && !allowedOwners[owners[row]])
            {
                continue;
            }

            var score = Dot(q, values.Slice(row * _dimensions, _dimensions)) * _scales[row] * queryScale;
            if (score > threshold)
            {
                top.Offer(row, score);
                threshold = top.Threshold;
            }
        }
    }

    private static float QuantizeRow(ReadOnlySpan<float> source, Span<sbyte> target)
    {
        var max = MathF.Abs(TensorPrimitives.MaxMagnitude(source)); // the value of largest magnitude, sign included
        var scale = max > 0 ? max / 127f : 1f;
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = (sbyte)Math.Round(source[i] / scale);
        }

        return scale;
    }

    /// <summary>Integer dot product, widened sbyte → short → int lane by lane.</summary>
    internal static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = Vector<int>.Zero;
        var i = 0;
        var width = Vector<sbyte>.Count;
        for (; i <= a.Length - width; i += width)
        {
            Vector.Widen(new Vector<sbyte>(a[i..]), out var aLow, out var aHigh);
            Vector.Widen(new Vector<sbyte>(b[i..]), out var bLow, out var bHigh);
            var low = aLow * bLow;
            var high = aHigh * bHigh;
            Vector.Widen(low, out var l0, out var l1);
            Vector.Widen(high, out var h0, out var h1);
            sum += l0 + l1 + h0 + h1;
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
