using System.Runtime.Intrinsics.X86;

namespace Strata.Semantic.Vectors;

/// <summary>
/// Rows quantized to int8 with one scale per row (value ≈ q × scale, q in −127…127), stored as bytes shifted by
/// +128 so the VNNI instruction (unsigned × signed) reads them directly. A query is quantized the same way; the
/// integer dot product (<see cref="IInt8Kernel"/>), corrected for the shift, times both scales approximates the
/// float score. Rows are appended while loading, so the float32 form never has to be held whole.
/// </summary>
internal sealed class Int8Vectors
{
    public const int Shift = 128;

    private readonly int _dimensions;
    private byte[] _values;
    private float[] _scales;

    public Int8Vectors(int dimensions, int capacity)
    {
        _dimensions = dimensions;
        _values = new byte[Math.Max(capacity, 1) * (long)dimensions];
        _scales = new float[Math.Max(capacity, 1)];
    }

    public int Count { get; private set; }

    public long Bytes => ((long)Count * _dimensions) + ((long)Count * sizeof(float));

    public static Int8Vectors From(ReadOnlySpan<float> vectors, int dimensions)
    {
        var quantized = new Int8Vectors(dimensions, vectors.Length / dimensions);
        for (var row = 0; row < vectors.Length / dimensions; row++)
        {
            quantized.Add(vectors.Slice(row * dimensions, dimensions));
        }

        return quantized;
    }

    public void Add(ReadOnlySpan<float> vector)
    {
        if (Count == _scales.Length)
        {
            Array.Resize(ref _scales, Count * 2);
            Array.Resize(ref _values, _scales.Length * _dimensions);
        }

        Span<sbyte> signed = stackalloc sbyte[_dimensions];
        _scales[Count] = QuantizeRow(vector, signed);
        var target = _values.AsSpan(Count * _dimensions, _dimensions);
        for (var i = 0; i < signed.Length; i++)
        {
            target[i] = (byte)(signed[i] + Shift);
        }

        Count++;
    }

    /// <summary>Gives back the spare capacity of a load that found fewer rows than counted.</summary>
    public void Trim()
    {
        if (_scales.Length != Count)
        {
            Array.Resize(ref _scales, Math.Max(Count, 1));
            Array.Resize(ref _values, Math.Max(Count, 1) * _dimensions);
        }
    }

    public void Scan(QuantizedQuery query, int start, int end, TopK top, int[] owners, bool[]? allowedOwners)
    {
        if (AvxVnniKernel.IsSupported)
        {
            Scan<AvxVnniKernel>(query, start, end, top, owners, allowedOwners);
        }
        else if (Avx512BW.IsSupported)
        {
            Scan<Avx512Kernel>(query, start, end, top, owners, allowedOwners);
        }
        else if (Avx2.IsSupported)
        {
            Scan<Avx2Kernel>(query, start, end, top, owners, allowedOwners);
        }
        else if (PortableKernel.IsSupported)
        {
            Scan<PortableKernel>(query, start, end, top, owners, allowedOwners);
        }
        else
        {
            Scan<ScalarKernel>(query, start, end, top, owners, allowedOwners);
        }
    }

    /// <summary>One row's approximate score (tests compare it with the float score).</summary>
    public float Score(QuantizedQuery query, int row) => query.Score(ScalarKernel.Dot(Row(row), query), _scales[row]);

    internal ReadOnlySpan<byte> Row(int row) => _values.AsSpan(row * _dimensions, _dimensions);

    internal void Scan<TKernel>(QuantizedQuery query, int start, int end, TopK top, int[] owners, bool[]? allowedOwners)
        where TKernel : struct, IInt8Kernel
    {
        var values = _values.AsSpan();
        var scales = _scales.AsSpan();
        var threshold = float.NegativeInfinity;
        for (var row = start; row < end; row++)
        {
            if (allowedOwners is not null && !allowedOwners[owners[row]])
            {
                continue;
            }

            var score = query.Score(TKernel.Dot(values.Slice(row * _dimensions, _dimensions), query), scales[row]);
            if (score > threshold)
            {
                top.Offer(row, score);
                threshold = top.Threshold;
            }
        }
    }

    internal static float QuantizeRow(ReadOnlySpan<float> source, Span<sbyte> target)
    {
        var max = QuantizedQuery.MaxMagnitude(source);
        var scale = max > 0 ? max / 127f : 1f;
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = (sbyte)Math.Clamp(MathF.Round(source[i] / scale), -127f, 127f);
        }

        return scale;
    }
}
