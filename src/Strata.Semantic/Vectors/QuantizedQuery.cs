using System.Numerics.Tensors;

namespace Strata.Semantic.Vectors;

/// <summary>
/// A query quantized to int8 like the rows (value ≈ q × scale), kept in the forms the kernels read: the bytes for
/// VNNI and the same values widened to 16 bits once, so a row scan widens only the row.
/// </summary>
internal sealed class QuantizedQuery
{
    public QuantizedQuery(ReadOnlySpan<float> query)
        : this(new sbyte[query.Length])
    {
        Scale = Int8Vectors.QuantizeRow(query, Values);
        Widen();
    }

    /// <summary>A query of given int8 values (tests of the kernels).</summary>
    internal QuantizedQuery(sbyte[] values, float scale = 1f)
    {
        Values = values;
        Wide = new short[values.Length];
        Scale = scale;
        Widen();
    }

    public sbyte[] Values { get; }

    public short[] Wide { get; }

    public float Scale { get; }

    /// <summary>Σ q: rows are stored shifted by +128, so Σ (r + 128)·q overstates Σ r·q by 128·Σ q.</summary>
    public int Sum { get; private set; }

    /// <summary>The float score of a row from its kernel dot product (over the shifted row) and its scale.</summary>
    public float Score(int shiftedDot, float rowScale) => (shiftedDot - (Int8Vectors.Shift * Sum)) * rowScale * Scale;

    internal static float MaxMagnitude(ReadOnlySpan<float> values) => values.IsEmpty ? 0 : MathF.Abs(TensorPrimitives.MaxMagnitude(values));

    private void Widen()
    {
        Sum = 0;
        for (var i = 0; i < Values.Length; i++)
        {
            Wide[i] = Values[i];
            Sum += Values[i];
        }
    }
}
