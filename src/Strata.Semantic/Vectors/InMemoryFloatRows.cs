using System.Numerics.Tensors;

namespace Strata.Semantic.Vectors;

/// <summary>Float32 rows in one managed array (when no folder was given for a row file).</summary>
internal sealed class InMemoryFloatRows(float[] vectors, int dimensions) : IFloatRows
{
    public void Score(ReadOnlySpan<int> rows, ReadOnlySpan<float> query, Span<float> scores)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(query, vectors.AsSpan(rows[i] * dimensions, dimensions));
        }
    }

    public void Dispose()
    {
    }
}
