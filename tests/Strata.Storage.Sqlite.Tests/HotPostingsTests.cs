using Strata.Storage.Sqlite.Ranking;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class HotPostingsTests
{
    [Fact]
    public void Offer_LargeTerm_IsKeptForItsTableOnly()
    {
        using var hot = new HotPostings();
        var table = DocumentTable.Without(5);
        hot.Offer(table, "the", Blobs(HotPostings.MinimumBytes));

        Assert.True(hot.TryGet(table, "the", out var kept));
        Assert.Equal(HotPostings.MinimumBytes, kept[1].Positions.Length + kept[1].Data.Length);
        Assert.False(hot.TryGet(DocumentTable.Without(5), "the", out _)); // another table, even at the same change
        Assert.False(hot.TryGet(table, "of", out _));
    }

    [Fact]
    public void Offer_SmallTerm_IsNotKept()
    {
        using var hot = new HotPostings();
        var table = DocumentTable.Without(1);
        hot.Offer(table, "rare", Blobs(HotPostings.MinimumBytes - 1));

        Assert.False(hot.TryGet(table, "rare", out _));
        Assert.Equal(0, hot.Bytes);
    }

    [Fact]
    public void Offer_BeyondTheBudget_KeepsWhatFits()
    {
        using var hot = new HotPostings();
        var table = DocumentTable.Without(1);
        var size = HotPostings.BudgetBytes / 3;
        foreach (var term in new[] { "a", "b", "c", "d" })
        {
            hot.Offer(table, term, Blobs(size));
        }

        Assert.Equal(3 * size, hot.Bytes);
        Assert.True(hot.TryGet(table, "c", out _));
        Assert.False(hot.TryGet(table, "d", out _));
    }

    [Fact]
    public void Offer_ForANewerTable_DropsTheOlderTablesTerms_AndAnOlderReaderChangesNothing()
    {
        using var hot = new HotPostings();
        var (old, current) = (DocumentTable.Without(1), DocumentTable.Without(2));
        hot.Offer(old, "the", Blobs(HotPostings.MinimumBytes));
        hot.Offer(current, "of", Blobs(HotPostings.MinimumBytes));
        hot.Offer(old, "and", Blobs(HotPostings.MinimumBytes));

        Assert.False(hot.TryGet(old, "the", out _));
        Assert.False(hot.TryGet(old, "and", out _));
        Assert.True(hot.TryGet(current, "of", out _));
        Assert.Equal(HotPostings.MinimumBytes, hot.Bytes);
    }

    [Fact]
    public async Task Quiet_EmptiesItSoonAfterItsLastUse()
    {
        using var hot = new HotPostings();
        var table = DocumentTable.Without(1);
        hot.Offer(table, "the", Blobs(HotPostings.MinimumBytes));

        for (var waited = 0; hot.Bytes > 0 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, hot.Bytes);
        Assert.False(hot.TryGet(table, "the", out _));
    }

    private static Dictionary<long, (byte[] Data, byte[] Positions)> Blobs(long bytes) =>
        new() { [1] = (new byte[16], new byte[bytes - 16]) };
}
