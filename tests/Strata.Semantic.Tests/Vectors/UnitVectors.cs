using Strata.Semantic.Embeddings.Onnx;

namespace Strata.Semantic.Tests.Vectors;

/// <summary>Seeded random unit vectors, row-major, for the vector index tests.</summary>
internal static class UnitVectors
{
    public static float[] Random(int rows, int dimensions, int seed)
    {
        var random = new Random(seed);
        var vectors = new float[rows * dimensions];
        for (var row = 0; row < rows; row++)
        {
            var span = vectors.AsSpan(row * dimensions, dimensions);
            for (var i = 0; i < dimensions; i++)
            {
                span[i] = (float)((random.NextDouble() * 2) - 1);
            }

            Pooling.Normalize(span);
        }

        return vectors;
    }
}
