using System.Numerics.Tensors;
using Strata.Semantic.Vectors;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Semantic.Tests.Vectors;

public sealed class RescoredVectorIndexTests
{
    private const int Dimensions = 96;

    private static float[] RandomVectors(int rows, int seed) => UnitVectors.Random(rows, Dimensions, seed);

    private static VectorIndex Build(float[] vectors, VectorIndexOptions options)
    {
        using var builder = new VectorIndexBuilder(Dimensions, vectors.Length / Dimensions / 2, options); // too small: it must grow
        for (var row = 0; row < vectors.Length / Dimensions; row++)
        {
            builder.Add(vectors.AsSpan(row * Dimensions, Dimensions), row / 3);
        }

        return builder.Build();
    }

    [Fact]
    public void Int8WithRescoring_FromAMappedFile_ReturnsTheFloat32HitsAndExactScores()
    {
        using var folder = new TempDirectory();
        var vectors = RandomVectors(3000, 1);
        using var exact = Build(vectors, new VectorIndexOptions(Int8: false));
        using var rescored = Build(vectors, new VectorIndexOptions(RowFolder: folder.Path));
        var queries = RandomVectors(50, 2);

        var found = 0;
        for (var q = 0; q < 50; q++)
        {
            var query = queries.AsSpan(q * Dimensions, Dimensions).ToArray();
            var truth = exact.Search(query, 10).Select(hit => hit.Row).ToHashSet();
            var hits = rescored.Search(query, 10);
            found += hits.Count(hit => truth.Contains(hit.Row));
            Assert.All(hits, hit => Assert.Equal(TensorPrimitives.Dot(query, vectors.AsSpan(hit.Row * Dimensions, Dimensions)), hit.Score, 5));
            Assert.True(hits.Zip(hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score), "best first");
        }

        Assert.True(found / 500.0 >= 0.99, $"recall@10 {found / 500.0}");
        Assert.True(rescored.IsRescored);
        Assert.True(rescored.VectorBytes * 3 < exact.VectorBytes, $"{rescored.VectorBytes} vs {exact.VectorBytes}");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Empty(Directory.GetFiles(folder.Path)); // unlinked as soon as mapped
        }
    }

    [Fact]
    public void Int8WithRescoring_InMemory_MatchesTheMappedFile()
    {
        using var folder = new TempDirectory();
        var vectors = RandomVectors(600, 3);
        using var mapped = Build(vectors, new VectorIndexOptions(RowFolder: folder.Path));
        using var inMemory = Build(vectors, new VectorIndexOptions());
        var query = RandomVectors(1, 4);

        Assert.Equal(inMemory.Search(query, 7), mapped.Search(query, 7));
    }

    [Fact]
    public void Int8WithoutRescoring_ReturnsApproximateScores()
    {
        var vectors = RandomVectors(300, 5);
        using var index = Build(vectors, new VectorIndexOptions(RescoreFactor: 0));
        var query = vectors.AsSpan(42 * Dimensions, Dimensions);

        var hits = index.Search(query, 3);

        Assert.False(index.IsRescored);
        Assert.Equal(42, hits[0].Row);
        Assert.NotEqual(1f, hits[0].Score); // an int8 approximation, not the exact cosine
        Assert.Equal(1f, hits[0].Score, 2);
    }

    [Fact]
    public void Int8WithRescoring_Filter_ScoresOnlyAllowedOwnersAndSplitsAcrossCores()
    {
        using var folder = new TempDirectory();
        var rows = VectorIndex.ParallelThreshold + 999;
        var vectors = RandomVectors(rows, 6);
        using var index = Build(vectors, new VectorIndexOptions(RowFolder: folder.Path));
        var allowed = new bool[(rows / 3) + 1];
        allowed[5] = allowed[20_000] = true;

        var hits = index.Search(vectors.AsSpan(60_001 * Dimensions, Dimensions), 10, allowed);

        Assert.Equal(6, hits.Length);
        Assert.All(hits, hit => Assert.True(allowed[index.RowOwners[hit.Row]]));
        Assert.Equal(60_001, hits[0].Row);
        Assert.Equal(1f, hits[0].Score, 5);
    }

    [Fact]
    public void Builder_Float32_MatchesTheArrayConstructor()
    {
        var vectors = RandomVectors(400, 7);
        using var built = Build(vectors, new VectorIndexOptions(Int8: false));
        var direct = new VectorIndex(Dimensions, vectors, Enumerable.Range(0, 400).Select(row => row / 3).ToArray());
        var query = RandomVectors(1, 8);

        Assert.False(built.IsQuantized);
        Assert.Equal(direct.Search(query, 10), built.Search(query, 10));
        Assert.Equal(direct.RowOwners, built.RowOwners);
    }

    [Fact]
    public void Builder_WrongDimensions_IsRefused()
    {
        using var builder = new VectorIndexBuilder(Dimensions, 4, new VectorIndexOptions());

        Assert.Throws<ArgumentException>(() => builder.Add(new float[Dimensions + 1], 0));
    }
}
