using Strata.Core.Search.Evaluation;
using Xunit;

namespace Strata.Core.Tests.Search;

/// <summary>A hand-computed case: judgements d1=3, d2=1, d5=2 (d9=0 is judged non-relevant); ranking d2, d3, d1, d9, d5.</summary>
public sealed class RetrievalMetricsTests
{
    private static readonly Dictionary<string, int> Judgements = new() { ["d1"] = 3, ["d2"] = 1, ["d5"] = 2, ["d9"] = 0 };
    private static readonly string[] Ranking = ["d2", "d3", "d1", "d9", "d5"];

    [Fact]
    public void NdcgAt10_HandComputed_MatchesTrecEvalLinearGain()
    {
        // DCG = 1/log2(2) + 3/log2(4) + 2/log2(6) = 1 + 1.5 + 0.773706 = 3.273706
        // IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.261860 + 0.5 = 4.761860
        var expected = (1 + 1.5 + (2 / Math.Log2(6))) / (3 + (2 / Math.Log2(3)) + 0.5);

        Assert.Equal(expected, RetrievalMetrics.NdcgAt(Ranking, Judgements, 10), 10);
        Assert.Equal(0.687484, RetrievalMetrics.NdcgAt(Ranking, Judgements, 10), 5);
    }

    [Fact]
    public void NdcgAt2_CutsBothDcgAndIdeal()
    {
        // DCG@2 = 1; IDCG@2 = 3 + 2/log2(3)
        Assert.Equal(1 / (3 + (2 / Math.Log2(3))), RetrievalMetrics.NdcgAt(Ranking, Judgements, 2), 10);
    }

    [Fact]
    public void RecallAndMrr_HandComputed()
    {
        Assert.Equal(2 / 3.0, RetrievalMetrics.RecallAt(Ranking, Judgements, 3), 10);
        Assert.Equal(1.0, RetrievalMetrics.RecallAt(Ranking, Judgements, 100), 10);
        Assert.Equal(1.0, RetrievalMetrics.MrrAt(Ranking, Judgements, 10), 10);
        Assert.Equal(1 / 3.0, RetrievalMetrics.MrrAt(["d3", "d9", "d1"], Judgements, 10), 10);
        Assert.Equal(0.0, RetrievalMetrics.MrrAt(["d3", "d9", "d1"], Judgements, 2), 10);
    }

    [Fact]
    public void NoRelevantJudgements_ScoresZero()
    {
        var none = new Dictionary<string, int> { ["d9"] = 0 };

        Assert.Equal(0, RetrievalMetrics.NdcgAt(Ranking, none, 10));
        Assert.Equal(0, RetrievalMetrics.RecallAt(Ranking, none, 10));
    }

    [Fact]
    public void Rank_TiesBrokenByIdDescendingLikeTrecEval()
    {
        Assert.Equal(["b", "c", "a"], RetrievalMetrics.Rank([("a", 1.0), ("b", 2.0), ("c", 1.0)]));
    }
}
