using Strata.Core.Search.Ranking;
using Xunit;

namespace Strata.Core.Tests.Search.Ranking;

public sealed class Bm25Tests
{
    [Fact]
    public void Idf_WordInMostDocuments_StaysPositive_AndRarerWordsWeighMore()
    {
        Assert.True(Bm25.Idf(100, 99) > 0);
        Assert.True(Bm25.Idf(100, 1) > Bm25.Idf(100, 10));
        Assert.Equal(Math.Log(1 + (100 - 10 + 0.5) / 10.5), Bm25.Idf(100, 10), 12);
    }

    [Fact]
    public void Score_GrowsWithFrequency_SaturatesAndPrefersShortDocuments()
    {
        var idf = (float)Bm25.Idf(1000, 10);
        var norm = Bm25.LengthNorm(100, 100);
        Assert.True(Bm25.Score(idf, 2, norm) > Bm25.Score(idf, 1, norm));
        Assert.True(Bm25.Score(idf, 1000, norm) < idf * (float)(Bm25.K1 + 1));
        Assert.True(Bm25.Score(idf, 1, Bm25.LengthNorm(50, 100)) > Bm25.Score(idf, 1, Bm25.LengthNorm(500, 100)));
    }

    [Fact]
    public void WeightedFrequency_CountsTitleAndTagHitsMore()
    {
        Assert.Equal(8 + 1 + 4, Bm25.WeightedFrequency(1, 1, 1));
    }
}
