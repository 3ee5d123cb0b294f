namespace Strata.Core.Enrich;

/// <summary>An L2-normalised sparse vector: term ids ascending with their weights.</summary>
public sealed class SparseVector
{
    private readonly int[] _ids;
    private readonly float[] _weights;

    private SparseVector(int[] ids, float[] weights)
    {
        _ids = ids;
        _weights = weights;
    }

    public static SparseVector Empty { get; } = new([], []);

    public bool IsEmpty => _ids.Length == 0;

    /// <summary>Term ids, ascending.</summary>
    internal ReadOnlySpan<int> Ids => _ids;

    /// <summary>Weights, in the order of <see cref="Ids"/>.</summary>
    internal ReadOnlySpan<float> Weights => _weights;

    /// <summary>TF-IDF weights normalised to unit length; <paramref name="idf"/> is indexed by term id (missing ids weigh 1).</summary>
    public static SparseVector From(Dictionary<int, int> counts, IReadOnlyList<double>? idf = null)
    {
        if (counts.Count == 0)
        {
            return Empty;
        }

        var ids = counts.Keys.ToArray();
        Array.Sort(ids);
        var weights = new float[ids.Length];
        double norm = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var weight = counts[ids[i]] * (idf is not null && ids[i] < idf.Count ? idf[ids[i]] : 1.0);
            weights[i] = (float)weight;
            norm += weight * weight;
        }

        Normalize(weights, norm);
        return new SparseVector(ids, weights);
    }

    /// <summary>As <see cref="From"/> with the counts' ids given ascending (no dictionary), each id below <paramref name="idf"/>'s length.</summary>
    internal static SparseVector FromSorted(ReadOnlySpan<int> ids, ReadOnlySpan<int> counts, double[] idf)
    {
        if (ids.IsEmpty)
        {
            return Empty;
        }

        var weights = new float[ids.Length];
        double norm = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var weight = counts[i] * idf[ids[i]];
            weights[i] = (float)weight;
            norm += weight * weight;
        }

        Normalize(weights, norm);
        return new SparseVector(ids.ToArray(), weights);
    }

    /// <summary>Cosine similarity (both are unit length): 0 for nothing shared, 1 for the same direction.</summary>
    public double Cosine(SparseVector other)
    {
        double dot = 0;
        int a = 0, b = 0;
        var ids = _ids;
        var otherIds = other._ids;
        while (a < ids.Length && b < otherIds.Length)
        {
            if (ids[a] == otherIds[b])
            {
                dot += _weights[a++] * other._weights[b++];
            }
            else if (ids[a] < otherIds[b])
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        return dot;
    }

    private static void Normalize(float[] weights, double norm)
    {
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
        }
    }
}
