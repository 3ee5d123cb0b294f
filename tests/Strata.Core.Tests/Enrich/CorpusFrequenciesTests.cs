using Strata.Core.Enrich;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed class CorpusFrequenciesTests
{
    [Fact]
    public async Task ObserveDocument_CountsLikeEnsureLoadedAndObserve()
    {
        var store = new FailingCorpusStore();
        store.Frequencies["graph"] = 5;
        store.Documents = 10;
        var corpus = new CorpusFrequencies(store);

        var counts = await corpus.ObserveDocumentAsync(["graph", "entity"], CancellationToken.None);
        await corpus.ObserveDocumentAsync(["graph"], CancellationToken.None);

        Assert.Equal(7, corpus.DocumentFrequency("graph"));
        Assert.Equal(1, corpus.DocumentFrequency("entity"));
        Assert.Equal(12, corpus.Documents);
        Assert.Equal(corpus.InverseDocumentFrequency("graph"), CorpusFrequencies.InverseDocumentFrequency(corpus.Documents, counts[0]));
        Assert.Equal(corpus.InverseDocumentFrequency("entity"), CorpusFrequencies.InverseDocumentFrequency(corpus.Documents, counts[1]));
        Assert.Equal(1, store.Lookups);
    }

    [Fact]
    public async Task Flush_StoreFails_KeepsTheCountsForTheNextFlush()
    {
        var store = new FailingCorpusStore { FailWrites = 1 };
        var corpus = new CorpusFrequencies(store);
        await corpus.ObserveDocumentAsync(["graph", "entity"], CancellationToken.None);
        await corpus.ObserveDocumentAsync(["graph"], CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => corpus.FlushAsync(CancellationToken.None));
        Assert.Equal(2, corpus.DocumentFrequency("graph"));
        Assert.Equal(2, corpus.Documents);
        corpus.Observe(["graph"]);
        await corpus.FlushAsync(CancellationToken.None);
        await corpus.FlushAsync(CancellationToken.None);

        Assert.Equal(3, store.Frequencies["graph"]);
        Assert.Equal(1, store.Frequencies["entity"]);
        Assert.Equal(3, store.Documents);
        Assert.Equal(3, corpus.DocumentFrequency("graph"));
        Assert.Equal(3, corpus.Documents);
    }

    [Fact]
    public async Task ObserveDocument_ManyThreads_CountsEveryDocumentOnce()
    {
        var store = new FailingCorpusStore();
        store.Frequencies["shared"] = 100;
        var corpus = new CorpusFrequencies(store);

        await Parallel.ForAsync(0, 2000, async (i, token) =>
            await corpus.ObserveDocumentAsync(["shared", $"own{i % 50}"], token));
        await corpus.FlushAsync(CancellationToken.None);

        Assert.Equal(2100, corpus.DocumentFrequency("shared"));
        Assert.Equal(2100, store.Frequencies["shared"]);
        Assert.Equal(40, store.Frequencies["own7"]);
        Assert.Equal(2000, store.Documents);
    }

    [Fact]
    public async Task Observe_TermNeverLoaded_IsStoredAfterTheFlushWithoutALookup()
    {
        var store = new FailingCorpusStore();
        store.Frequencies["graph"] = 5;
        var corpus = new CorpusFrequencies(store);

        corpus.Observe(["graph"]);
        await corpus.FlushAsync(CancellationToken.None);
        await corpus.EnsureLoadedAsync(["graph"], CancellationToken.None);

        // As before: counts flushed for a term count as its stored value; it is not looked up again.
        Assert.Equal(1, corpus.DocumentFrequency("graph"));
        Assert.Equal(0, store.Lookups);
        Assert.Equal(6, store.Frequencies["graph"]);
    }

    private sealed class FailingCorpusStore : ICorpusStatisticsStore
    {
        public Dictionary<string, int> Frequencies { get; } = [];

        public long Documents { get; set; }

        public int Lookups { get; private set; }

        public int FailWrites { get; set; }

        public Task<IReadOnlyDictionary<string, int>> LoadDocumentFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
        {
            lock (Frequencies)
            {
                Lookups++;
                return Task.FromResult<IReadOnlyDictionary<string, int>>(terms.Where(Frequencies.ContainsKey).ToDictionary(term => term, term => Frequencies[term]));
            }
        }

        public Task<long> LoadDocumentCountAsync(CancellationToken cancellationToken) => Task.FromResult(Documents);

        public Task AddDocumentFrequenciesAsync(IReadOnlyDictionary<string, int> deltas, long documents, CancellationToken cancellationToken)
        {
            if (FailWrites > 0)
            {
                FailWrites--;
                throw new IOException("disk full");
            }

            foreach (var (term, delta) in deltas)
            {
                Frequencies[term] = Frequencies.GetValueOrDefault(term) + delta;
            }

            Documents += documents;
            return Task.CompletedTask;
        }
    }
}
