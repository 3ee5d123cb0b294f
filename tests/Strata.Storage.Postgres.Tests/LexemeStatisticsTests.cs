using Xunit;

namespace Strata.Storage.Postgres.Tests;

public sealed class LexemeStatisticsTests
{
    private static readonly LexemeStatistics Statistics = new(1000, ["common", "half", "it's"], [0.8f, 0.5f, 0.2f, 0.2f, 0.8f, 0f]);

    [Fact]
    public void Share_AllWordsMustMatch_MultipliesTheirShares() =>
        Assert.Equal(0.4, Statistics.Share("('common') & ('half')"), 3);

    [Fact]
    public void Share_AnyWordMayMatch_AddsThemUpToAll()
    {
        Assert.Equal(1.0, Statistics.Share("('common') | ('half')"), 3);
        Assert.Equal(0.6, Statistics.Share("('half') | ('unknown')"), 3);
    }

    [Fact]
    public void Share_UnlistedWord_IsHalfTheLeastCommonListed() =>
        Assert.Equal(0.1, Statistics.Share("('nowhere')"), 3);

    [Fact]
    public void Share_QuotedLexeme_IsUnescapedBeforeLookup() =>
        Assert.Equal(0.2, Statistics.Share("('it''s')"), 3);

    [Fact]
    public void WithoutExclusions_DropsExcludedWordsAndGroups()
    {
        Assert.Equal(0.8, Statistics.Share(LexemeStatistics.WithoutExclusions("('common') & !('half')")), 3);
        Assert.Equal("('common') & ", LexemeStatistics.WithoutExclusions("('common') & !('half' <-> 'it''s')"));
    }

    [Fact]
    public void Share_NothingKnown_IsZero() =>
        Assert.Equal(0, LexemeStatistics.None.Share("('common')"));
}
