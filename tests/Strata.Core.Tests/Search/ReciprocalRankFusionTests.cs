using Strata.Core.Search;
using Xunit;

namespace Strata.Core.Tests.Search;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_SumsReciprocalRanks()
    {
        var fused = ReciprocalRankFusion.Fuse([["a", "b", "c"], ["c", "a"]]);

        Assert.Equal(["a", "c", "b"], fused.Select(pair => pair.Key));
        Assert.Equal((1.0 / 61) + (1.0 / 62), fused[0].Score, 12);
        Assert.Equal((1.0 / 63) + (1.0 / 61), fused[1].Score, 12);
        Assert.Equal(1.0 / 62, fused[2].Score, 12);
    }

    [Fact]
    public void Fuse_OneEmptyList_KeepsTheOtherOrder()
    {
        var fused = ReciprocalRankFusion.Fuse([["x", "y"], []]);

        Assert.Equal(["x", "y"], fused.Select(pair => pair.Key));
    }
}
