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

    [Fact]
    public void OfferPhrase_IsKeptForItsTable_AndEachGetIsACopyTheCallerOwns()
    {
        using var hot = new HotPostings();
        var table = DocumentTable.Without(3);
        using (var matched = Postings((4, 1f), (9, 2.5f)))
        {
            hot.OfferPhrase(table, "as\u001D0\u001Ehi\u001D1", matched);
        }

        using (var first = hot.TryGetPhrase(table, "as\u001D0\u001Ehi\u001D1"))
        {
            Assert.NotNull(first);
            Assert.Equal([4, 9], first.Documents.ToArray());
            Assert.Equal([1f, 2.5f], first.Frequencies.ToArray());
            first.Arrays.Values[0] = 99f; // a ranking scores in place: that must not reach what is kept
        }

        using var second = hot.TryGetPhrase(table, "as\u001D0\u001Ehi\u001D1");
        Assert.Equal([1f, 2.5f], second!.Frequencies.ToArray());
        Assert.Equal(16, hot.PhraseBytes);
        Assert.Null(hot.TryGetPhrase(DocumentTable.Without(3), "as\u001D0\u001Ehi\u001D1"));
        Assert.Null(hot.TryGetPhrase(table, "hi\u001D0"));
    }

    [Fact]
    public void OfferPhrase_ForANewerTable_DropsTheOlderTablesPhrases()
    {
        using var hot = new HotPostings();
        var (old, current) = (DocumentTable.Without(1), DocumentTable.Without(2));
        using var matched = Postings((1, 1f));
        hot.OfferPhrase(old, "p", matched);
        hot.OfferPhrase(current, "q", matched);
        hot.OfferPhrase(old, "r", matched);

        Assert.Null(hot.TryGetPhrase(old, "p"));
        Assert.Null(hot.TryGetPhrase(old, "r"));
        Assert.NotNull(hot.TryGetPhrase(current, "q"));
        Assert.Equal(8, hot.PhraseBytes);
    }

    [Fact]
    public void OfferPhrase_TooLarge_IsNotKept()
    {
        using var hot = new HotPostings();
        var table = DocumentTable.Without(1);
        using var matched = new TermPostings();
        for (var document = 0; document <= HotPostings.PhraseBudgetBytes / 4 / 8; document++)
        {
            matched.Add(document, 1f);
        }

        hot.OfferPhrase(table, "huge", matched);

        Assert.Null(hot.TryGetPhrase(table, "huge"));
        Assert.Equal(0, hot.PhraseBytes);
    }

    private static TermPostings Postings(params (int Document, float Frequency)[] postings)
    {
        var built = new TermPostings();
        foreach (var (document, frequency) in postings)
        {
            built.Add(document, frequency);
        }

        return built;
    }

    private static Dictionary<long, (byte[] Data, byte[] Positions)> Blobs(long bytes) =>
        new() { [1] = (new byte[16], new byte[bytes - 16]) };
}
