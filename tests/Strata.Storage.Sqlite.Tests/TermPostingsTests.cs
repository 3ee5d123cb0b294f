using Strata.Storage.Sqlite.Ranking;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class TermPostingsTests
{
    [Fact]
    public void ArraysOfDifferentLengths_FromABusyPool_NeverOverrun()
    {
        // A pool whose bucket is all rented out serves a larger bucket's array: documents may come back longer than
        // frequencies. Postings must then grow by the shorter one (the web load once failed with IndexOutOfRange here).
        Strata.Core.Search.Ranking.SearchBuffers.Release();
        var held = new List<int[]>();
        int[] probe;
        do
        {
            probe = Strata.Core.Search.Ranking.SearchBuffers.Ints.Rent(256);
            held.Add(probe);
        }
        while (probe.Length == 256 && held.Count < 10_000);

        try
        {
            Assert.True(probe.Length > 256); // the bucket of 256 is exhausted: the next rent is longer
            using var postings = new TermPostings(256);
            postings.Reserve(300, out var documents, out var frequencies);
            Assert.Equal(documents.Length, frequencies.Length);
            for (var i = 0; i < 1000; i++)
            {
                postings.Add(i, i);
            }

            Assert.Equal(999, postings.Documents[^1]);
            Assert.Equal(999f, postings.Frequencies[^1]);
        }
        finally
        {
            foreach (var array in held)
            {
                Strata.Core.Search.Ranking.SearchBuffers.Ints.Return(array);
            }
        }
    }

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
