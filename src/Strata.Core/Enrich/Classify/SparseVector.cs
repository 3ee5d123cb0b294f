namespace Strata.Core.Enrich.Classify;

/// <summary>A sparse vector: feature indices in ascending order with their values.</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Indices.Length;

    public float Dot(float[] dense)
    {
        var sum = 0f;
        for (var index = 0; index < Indices.Length; index++)
        {
            sum += dense[Indices[index]] * Values[index];
        }

        return sum;
    }

    /// <summary>dense += scale × this.</summary>
    public void AddTo(float[] dense, float scale)
    {
        for (var index = 0; index < Indices.Length; index++)
        {
            dense[Indices[index]] += scale * Values[index];
        }
    }
}
