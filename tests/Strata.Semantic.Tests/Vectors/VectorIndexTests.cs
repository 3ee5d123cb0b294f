using Strata.Semantic.Vectors;
using Xunit;

namespace Strata.Semantic.Tests.Vectors;

public sealed class VectorIndexTests
{
    private const int Dimensions = 64;

    private static (float[] Vectors, int[] Owners) RandomVectors(int rows, int seed) =>
        (UnitVectors.Random(rows, Dimensions, seed), Enumerable.Range(0, rows).Select(row => row / 3).ToArray());

    [Fact]
    public void Search_MatchesBruteForceOrder()
    {
        var (vectors, owners) = RandomVectors(900, 1);
        var index = new VectorIndex(Dimensions, vectors, owners);
        var query = vectors.AsSpan(17 * Dimensions, Dimensions).ToArray();

        var hits = index.Search(query, 5);

        var expected = Enumerable.Range(0, 900).OrderByDescending(row => Dot(query, vectors.AsSpan(row * Dimensions, Dimensions))).Take(5).ToArray();
        Assert.Equal(expected, hits.Select(hit => hit.Row));
        Assert.Equal(17, hits[0].Row);
        Assert.Equal(1f, hits[0].Score, 4);
    }

    [Fact]
    public void Search_Filter_SkipsRowsOfDisallowedOwners()
    {
        var (vectors, owners) = RandomVectors(300, 2);
        var index = new VectorIndex(Dimensions, vectors, owners);
        var allowed = new bool[100];
        allowed[7] = true;

        var hits = index.Search(vectors.AsSpan(0, Dimensions), 10, allowed);

        Assert.Equal(3, hits.Length);
        Assert.All(hits, hit => Assert.Equal(7, owners[hit.Row]));
    }

    [Fact]
    public void Quantize_KeepsRecallAt10AndQuartersMemory()
    {
        var (vectors, owners) = RandomVectors(3000, 3);
        var exact = new VectorIndex(Dimensions, vectors, owners);
        var quantized = new VectorIndex(Dimensions, (float[])vectors.Clone(), owners);
        var floatBytes = quantized.VectorBytes;
        quantized.Quantize();
        var (queries, _) = RandomVectors(50, 4);

        var found = 0;
        for (var q = 0; q < 50; q++)
        {
            var query = queries.AsSpan(q * Dimensions, Dimensions);
            var truth = exact.Search(query, 10).Select(hit => hit.Row).ToHashSet();
            found += quantized.Search(query, 10).Count(hit => truth.Contains(hit.Row));
        }

        Assert.True(found / 500.0 >= 0.9, $"recall@10 {found / 500.0}");
        Assert.True(quantized.VectorBytes * 3 < floatBytes, $"{quantized.VectorBytes} vs {floatBytes}");
    }

    [Fact]
    public void Search_EqualScores_KeepTheLowerRowsWhateverTheScanOrder()
    {
        var vectors = new float[200 * Dimensions];
        for (var row = 0; row < 200; row++)
        {
            vectors[(row * Dimensions) + (row % 2)] = 1f; // even rows all score 1, odd rows 0
        }

        var owners = Enumerable.Range(0, 200).ToArray();
        var query = new float[Dimensions];
        query[0] = 1f;
        var exact = new VectorIndex(Dimensions, vectors, owners);
        var quantized = new VectorIndex(Dimensions, (float[])vectors.Clone(), owners);
        quantized.Quantize();

        int[] expected = [0, 2, 4, 6, 8];
        Assert.Equal(expected, exact.Search(query, 5).Select(hit => hit.Row));
        Assert.Equal(expected, quantized.Search(query, 5).Select(hit => hit.Row));
    }

    [Fact]
    public void TopK_EqualScores_KeepsTheLowerRowsWhateverTheOfferOrder()
    {
        var forward = new TopK(3);
        var backward = new TopK(3);
        for (var row = 0; row < 10; row++)
        {
            forward.Offer(row, row == 7 ? 0.9f : 0.5f);
            backward.Offer(9 - row, (9 - row) == 7 ? 0.9f : 0.5f);
        }

        VectorHit[] expected = [new(7, 0.9f), new(0, 0.5f), new(1, 0.5f)];
        Assert.Equal(expected, forward.ToArray());
        Assert.Equal(expected, backward.ToArray());
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
