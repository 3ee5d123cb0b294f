using Strata.Storage.Sqlite.Ranking;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class TermPostingsTests
{
    [Fact]
    public void Add_GrowsPastItsPooledArrays_KeepingEveryPostingInOrder()
    {
        using var postings = new TermPostings(16);
        for (var i = 0; i < 100_000; i++)
        {
            postings.Add(i * 3, i % 7);
        }

        Assert.Equal(100_000, postings.Count);
        Assert.Equal(99_999 * 3, postings.Documents[^1]);
        Assert.Equal(99_999 % 7, postings.Frequencies[^1]);
        Assert.Equal(300, postings.Documents[100]);
    }

    [Fact]
    public void RankedDocuments_ScoredInTheOwnersArrays_ReturnTheBestAndGiveTheArraysBackOnce()
    {
        var postings = new TermPostings();
        foreach (var (document, score) in new[] { (4, 1f), (9, 3f), (12, 2f), (15, 3f) })
        {
            postings.Add(document, score);
        }

        var ranked = new RankedDocuments(postings, postings.Count);
        Assert.Equal([(9, 3f), (15, 3f), (12, 2f)], ranked.Top(3));
        ranked.Dispose();
        ranked.Dispose();
        Assert.Equal(0, postings.Count);
    }
}
