using Strata.Core.Enrich;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed class KeywordTests
{
    private const string English =
        "Knowledge graphs connect entities through typed relations. A knowledge graph stores facts as triples. " +
        "Entity linking maps a mention to an entity in the knowledge graph. Graph embeddings place entities in a vector space. " +
        "The knowledge graph grows as entity linking finds new entities, and graph embeddings improve.";

    private const string Chinese =
        "个人知识库帮助我们整理笔记。知识库中的文章可以被搜索，知识库还可以自动分类。" +
        "我们用知识库保存论文和网页。搜索引擎为知识库建立索引，索引让搜索引擎更快。";

    [Fact]
    public void Rank_EnglishText_FindsRepeatedPhrasesAsWritten()
    {
        var keywords = KeywordRanker.Rank(KeywordCandidates.Collect(English), _ => 1.0).Select(keyword => keyword.Text).ToArray();

        Assert.Contains("knowledge graph", keywords);
        Assert.Contains("entity linking", keywords);
        Assert.Contains("graph embeddings", keywords);
        Assert.DoesNotContain(keywords, keyword => keyword is "the" or "a" or "as" or "in");
        Assert.True(keywords.Length <= KeywordRanker.DefaultCount);
    }

    [Fact]
    public void Rank_SentenceInitialWord_PrefersTheSpellingInsideASentence()
    {
        var keywords = KeywordRanker.Rank(KeywordCandidates.Collect("Sourdough needs time. Good sourdough needs a starter. Bake sourdough hot."), _ => 1.0);

        Assert.Equal("sourdough", keywords[0].Text);
    }

    [Fact]
    public void Rank_ChineseText_MergesConsistentBigramsIntoWords()
    {
        var keywords = KeywordRanker.Rank(KeywordCandidates.Collect(Chinese), _ => 1.0).Select(keyword => keyword.Text).ToArray();

        Assert.Equal("知识库", keywords[0]);
        Assert.Contains("搜索引擎", keywords);
        Assert.DoesNotContain("识库", keywords);
        Assert.DoesNotContain(keywords, keyword => keyword.Contains('的', StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_CommonTermInCorpus_RanksBelowRareTerm()
    {
        const string text = "Widgets and gadgets. Widgets and gadgets. Widgets and gadgets.";
        var candidates = KeywordCandidates.Collect(text);

        var keywords = KeywordRanker.Rank(candidates, term => term == "widgets" ? 1.0 : 5.0);

        Assert.Equal("gadgets", keywords[0].Text);
    }

    [Fact]
    public void Collect_UrlsAndNumbers_AreNotCandidates()
    {
        var candidates = KeywordCandidates.Collect("See https://www.example.com/path/page.html for 2024 results about parsers and parsers.");

        Assert.DoesNotContain("example", candidates.Terms);
        Assert.DoesNotContain("path", candidates.Terms);
        Assert.DoesNotContain("2024", candidates.Terms);
        Assert.Contains("parsers", candidates.Terms);
    }

    [Fact]
    public async Task CorpusFrequencies_ObserveAndFlush_WritesDeltasOnceAndKeepsThemCached()
    {
        var store = new MemoryCorpusStore();
        store.Frequencies["graph"] = 5;
        store.Documents = 10;
        var corpus = new CorpusFrequencies(store);

        await corpus.EnsureLoadedAsync(["graph", "entity"], CancellationToken.None);
        corpus.Observe(["graph", "entity"]);
        corpus.Observe(["graph"]);

        Assert.Equal(7, corpus.DocumentFrequency("graph"));
        Assert.Equal(12, corpus.Documents);
        Assert.True(corpus.InverseDocumentFrequency("entity") > corpus.InverseDocumentFrequency("graph"));
        await corpus.FlushAsync(CancellationToken.None);
        await corpus.FlushAsync(CancellationToken.None);
        Assert.Equal(7, store.Frequencies["graph"]);
        Assert.Equal(1, store.Frequencies["entity"]);
        Assert.Equal(12, store.Documents);
        Assert.Equal(7, corpus.DocumentFrequency("graph"));
        Assert.Equal(1, store.Lookups);
    }

    [Fact]
    public void Rank_OverlapsSkipTheWholeShortlist_ChoosesFromTheRest()
    {
        // Two repeated phrases and all their parts lead the ranking; every part overlaps its phrase, so the third
        // keyword comes from beyond the best 4 × count candidates.
        var text = string.Concat(Enumerable.Repeat("alpha beta gamma. ", 10)) + string.Concat(Enumerable.Repeat("delta epsilon zeta. ", 9))
            + string.Concat(Enumerable.Repeat("omega rules. ", 3));
        var candidates = KeywordCandidates.Collect(text);

        var three = KeywordRanker.Rank(candidates, _ => 1.0, count: 3).Select(keyword => keyword.Text).ToArray();

        Assert.Equal(["alpha beta gamma", "delta epsilon zeta", "omega rules"], three);
    }

    [Fact]
    public void Rank_AnyCount_IsTheStartOfALongerRanking()
    {
        var text = English + " " + Chinese + " " + SummaryTexts.English + " " + SummaryTexts.Chinese;
        var candidates = KeywordCandidates.Collect(text);
        var idf = (string term) => 1.0 + (term.Length % 3);
        var longest = KeywordRanker.Rank(candidates, idf, count: 60);

        for (var count = 1; count < 60; count++)
        {
            Assert.Equal(longest.Take(count), KeywordRanker.Rank(candidates, idf, count));
        }
    }

    private sealed class MemoryCorpusStore : ICorpusStatisticsStore
    {
        public Dictionary<string, int> Frequencies { get; } = [];

        public long Documents { get; set; }

        public int Lookups { get; private set; }

        public Task<IReadOnlyDictionary<string, int>> LoadDocumentFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
        {
            Lookups++;
            return Task.FromResult<IReadOnlyDictionary<string, int>>(terms.Where(Frequencies.ContainsKey).ToDictionary(term => term, term => Frequencies[term]));
        }

        public Task<long> LoadDocumentCountAsync(CancellationToken cancellationToken) => Task.FromResult(Documents);

        public Task AddDocumentFrequenciesAsync(IReadOnlyDictionary<string, int> deltas, long documents, CancellationToken cancellationToken)
        {
            foreach (var (term, delta) in deltas)
            {
                Frequencies[term] = Frequencies.GetValueOrDefault(term) + delta;
            }

            Documents += documents;
            return Task.CompletedTask;
        }
    }
}
