using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

/// <summary>
/// The ranked keyword index against FTS5 on the same documents (bases that keep FTS5 maintained beside it): the same
/// documents match (FTS5 is the reference for which documents hold words and phrases), BM25 orders them, and
/// re-indexing, deleting, merging segments and rebuilding keep it right.
/// </summary>
public sealed class RankedIndexTests
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa", "lambda", "sigma", "omega", "index", "search"];

    [Fact]
    public async Task ManyBatches_MatchTheSameDocumentsAsFts5_ForWordsPhrasesAndExclusions()
    {
        await using var fixture = await StoreFixture.CreateAsync(keepFts5: true);
        var random = new Random(5);
        var texts = Enumerable.Range(0, 300).Select(_ => string.Join(' ', Enumerable.Range(0, 40).Select(_ => Words[Zipf(random)]))).ToArray();
        await RankedIndexReference.AddInBatchesAsync(fixture, texts, batch: 7); // 43 segments: merged on two levels along the way

        await RankedIndexReference.AssertMatchesFts5Async(fixture, ["alpha", "omega", "alpha beta", "kappa lambda sigma", "\"alpha beta\"", "\"beta alpha gamma\"", "alpha -beta", "gamma -\"alpha beta\"", "search"]);
    }

    [Fact]
    public async Task PhrasesWithCommonWords_MatchTheSameDocumentsAsFts5_AcrossMerges()
    {
        string[] words = ["the", "of", "harbour", "and", "a", "night", "was", "boats", "the", "water", "of", "light", "is"];
        await using var fixture = await StoreFixture.CreateAsync(keepFts5: true);
        var random = new Random(11);
        var texts = Enumerable.Range(0, 300).Select(_ => string.Join(' ', Enumerable.Range(0, 40).Select(_ => words[random.Next(words.Length)]))).ToArray();
        await RankedIndexReference.AddInBatchesAsync(fixture, texts, batch: 7);

        string[] queries =
        [
            "\"of the\"", "\"the of\"", "\"the the\"", "\"the harbour\"", "\"harbour of the night\"", "\"was the water\"",
            "\"boats and water\"", "\"night light\"", "\"the harbour night\"", "\"harbour night of\"", "\"a boats night light\"", "\"a a a\"", "the", "\"the\"", "harbour -\"of the\"", "\"of the\" \"night light\"",
        ];
        await RankedIndexReference.AssertMatchesFts5Async(fixture, queries);
    }

    [Fact]
    public async Task PhraseOfCommonWords_IsIndexedAsOneGram_AndRanksByHowOften()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var thrice = await fixture.AddIndexedAsync("a", "end of the road and end of the day and end of the line");
        var once = await fixture.AddIndexedAsync("b", "end of the road and then a long drive home at last");
        await fixture.AddIndexedAsync("c", "the end of a road and the day of rest at the sea");

        var hits = await SearchAsync(fixture, "\"of the\"");

        Assert.Equal([thrice.Id, once.Id], hits.Select(hit => hit.Item.Id));
        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, length(positions) FROM search_postings WHERE term IN ('the', 'road', 'of' || char(31) || 'the')";
        await using var reader = await command.ExecuteReaderAsync();
        var positions = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            positions[reader.GetString(0)] = positions.GetValueOrDefault(reader.GetString(0)) + reader.GetInt64(1);
        }

        Assert.True(positions["the"] > 0);
        Assert.True(positions["road"] > 0);
        Assert.True(positions["of\u001Fthe"] > 0); // the gram, with positions for longer phrases
    }

    [Fact]
    public async Task IndexInAnOlderFormat_CountsAsIncomplete_SoFts5AnswersUntilRebuilt()
    {
        await using var fixture = await StoreFixture.CreateAsync(keepFts5: true);
        var item = await fixture.AddIndexedAsync("a", "end of the road");
        Assert.True(await fixture.Store.IsRankedIndexCompleteAsync(CancellationToken.None));
        await using (var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE settings SET value = 'complete' WHERE key = 'search.keyword_index'"; // the first format's marker
            await command.ExecuteNonQueryAsync();
        }

        await using var reopened = new SqliteItemStore(fixture.DatabasePath);
        Assert.False(await reopened.IsRankedIndexCompleteAsync(CancellationToken.None));
        var hits = await reopened.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("\"of the road\"")), new ItemFilter()), CancellationToken.None);
        Assert.Equal([item.Id], hits.Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task ReindexedDocumentsInLaterSegments_SurviveMergesOutOfDocumentOrder()
    {
        await using var fixture = await StoreFixture.CreateAsync(keepFts5: true);
        var random = new Random(17);
        string NewText() => string.Join(' ', Enumerable.Range(0, 30).Select(_ => Words[Zipf(random)]));
        var ids = await RankedIndexReference.AddInBatchesAsync(fixture, Enumerable.Range(0, 40).Select(_ => NewText()).ToArray(), batch: 5);

        // Early documents re-indexed one per batch: each lands in a new segment holding a low rowid, so the later
        // merges meet their postings after those of higher rowids.
        for (var round = 0; round < 16; round++)
        {
            var id = ids[round * 2];
            await fixture.Store.UpdateTagsAsync(id, [new ItemTag("round" + round)], [], CancellationToken.None);
            var claimed = await fixture.Store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
            var text = NewText();
            await fixture.Store.CompleteJobsAsync(
                claimed.Select(item => new ProcessedItem(item with { State = ItemState.Indexed, Text = text }, IndexStep.Describe(item.Title, text, ["round" + round]), null)).ToArray(),
                CancellationToken.None);
        }

        await RankedIndexReference.AssertMatchesFts5Async(fixture, ["alpha", "\"alpha beta\"", "\"beta alpha gamma\"", "gamma -\"alpha beta\"", "round3"]);
    }

    [Fact]
    public async Task Ranking_MoreOccurrencesAndTitleHits_RankHigher()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var once = await fixture.AddIndexedAsync("notes", "the harbour at night with boats and lights and water");
        var thrice = await fixture.AddIndexedAsync("notes", "harbour harbour harbour with boats and lights and water");
        var titled = await fixture.AddIndexedAsync("Harbour", "the harbour at night with boats and lights and water");
        await fixture.AddIndexedAsync("other", "mountains and rivers with boats and lights and water");

        var hits = await SearchAsync(fixture, "harbour");

        Assert.Equal([titled.Id, thrice.Id, once.Id], hits.Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task Phrase_MatchesWordsInOrderWithinOneColumn_AndRanksByHowOften()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var twice = await fixture.AddIndexedAsync("a", "new york is big and new york is loud");
        var once = await fixture.AddIndexedAsync("b", "we flew to new york last year");
        await fixture.AddIndexedAsync("c", "york is new to us");
        await fixture.AddIndexedAsync("brand new", "york minster stands tall"); // title ends "new", body starts "york"

        var hits = await SearchAsync(fixture, "\"new york\"");

        Assert.Equal([twice.Id, once.Id], hits.Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task Phrase_AskedAgain_AnswersTheSame_AndSeesDocumentsAddedSince()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var twice = await fixture.AddIndexedAsync("a", "new york is big and new york is loud");
        var once = await fixture.AddIndexedAsync("b", "we flew to new york last year");

        var first = await SearchAsync(fixture, "\"new york\"");
        var again = await SearchAsync(fixture, "\"new york\"");
        var added = await fixture.AddIndexedAsync("c", "new york new york new york");
        var afterAdding = await SearchAsync(fixture, "\"new york\"");

        Assert.Equal(first.Select(hit => (hit.Item.Id, hit.Score)), again.Select(hit => (hit.Item.Id, hit.Score)));
        Assert.Equal([twice.Id, once.Id], again.Select(hit => hit.Item.Id));
        Assert.Equal([added.Id, twice.Id, once.Id], afterAdding.Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task ChineseWord_IsFoundThroughItsBigrams()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var match = await fixture.AddIndexedAsync("笔记", "个人知识库帮助我们记住读过的东西");
        await fixture.AddIndexedAsync("笔记", "知道的事情和仓库里的书");

        var hits = await SearchAsync(fixture, "知识库");

        Assert.Equal([match.Id], hits.Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task ReindexedAndDeletedDocuments_LeaveNoStaleMatches()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = await fixture.AddIndexedAsync("Report", "quarterly figures", "finance");
        var gone = await fixture.AddIndexedAsync("Memo", "quarterly figures again");

        await fixture.Store.UpdateTagsAsync(item.Id, [new ItemTag("travel")], ["finance"], CancellationToken.None);
        var claimed = await fixture.Store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        var reindexed = claimed.Single() with { State = ItemState.Indexed, Text = "quarterly figures" };
        await fixture.Store.CompleteJobsAsync([new ProcessedItem(reindexed, IndexStep.Describe("Report", "quarterly figures", ["travel"]), null)], CancellationToken.None);
        await fixture.Store.DeleteAsync(gone.Id, CancellationToken.None);

        Assert.Empty(await SearchAsync(fixture, "finance"));
        Assert.Equal([item.Id], (await SearchAsync(fixture, "travel")).Select(hit => hit.Item.Id));
        Assert.Equal([item.Id], (await SearchAsync(fixture, "quarterly")).Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task Filters_KeepTheRankingOrder_AcrossWindows()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var texts = Enumerable.Range(0, 120).Select(i => string.Join(' ', Enumerable.Repeat("signal", 1 + (i % 7))) + " noise words here").ToArray();
        var ids = await RankedIndexReference.AddInBatchesAsync(fixture, texts, batch: 20);
        await using (var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE items SET language = 'de' WHERE rowid % 10 = 0";
            await command.ExecuteNonQueryAsync();
        }

        var all = await fixture.Store.SearchAsync(new SearchRequest("\"signal\"", new ItemFilter { Limit = 200 }), CancellationToken.None);
        var german = await fixture.Store.SearchAsync(new SearchRequest("\"signal\"", new ItemFilter { Limit = 5, Languages = ["de"] }), CancellationToken.None);

        Assert.Equal(5, german.Count);
        Assert.Equal(all.Where(hit => hit.Item.Language == "de").Take(5).Select(hit => hit.Item.Id), german.Select(hit => hit.Item.Id));
        Assert.Equal(120, ids.Count);
    }

    [Fact]
    public async Task Rebuild_FillsTheIndex_AndSearchesMatchBeforeAndAfter()
    {
        await using var fixture = await StoreFixture.CreateAsync(keepFts5: true);
        var random = new Random(9);
        await RankedIndexReference.AddInBatchesAsync(fixture, Enumerable.Range(0, 60).Select(_ => string.Join(' ', Enumerable.Range(0, 30).Select(_ => Words[Zipf(random)]))).ToArray(), batch: 13);
        var before = (await SearchAsync(fixture, "\"alpha beta\" gamma", 100)).Select(hit => (hit.Item.Id, Math.Round(hit.Score, 4))).ToArray();

        await using (var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM settings WHERE key = 'search.keyword_index'";
            await command.ExecuteNonQueryAsync();
        }

        await using var reopened = new SqliteItemStore(fixture.DatabasePath);
        Assert.False(await reopened.IsRankedIndexCompleteAsync(CancellationToken.None));
        var fromFts5 = await reopened.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("\"alpha beta\" gamma")), new ItemFilter { Limit = 100 }), CancellationToken.None);
        Assert.Equal(before.Select(hit => hit.Id).Order(), fromFts5.Select(hit => hit.Item.Id).Order());

        var count = await reopened.RebuildRankedIndexAsync(null, CancellationToken.None);

        Assert.Equal(60, count);
        Assert.True(await reopened.IsRankedIndexCompleteAsync(CancellationToken.None));
        var after = (await reopened.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("\"alpha beta\" gamma")), new ItemFilter { Limit = 100 }), CancellationToken.None))
            .Select(hit => (hit.Item.Id, Math.Round(hit.Score, 4))).ToArray();
        Assert.Equal(before, after);
    }

    private static Task<IReadOnlyList<SearchHit>> SearchAsync(StoreFixture fixture, string text, int limit = 10) =>
        fixture.Store.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse(text)), new ItemFilter { Limit = limit }), CancellationToken.None);

    /// <summary>Word ranks skewed like text: the first words are common, the last rare.</summary>
    private static int Zipf(Random random) => Math.Min(Words.Length - 1, (int)(Math.Pow(random.NextDouble(), 2.5) * Words.Length));
}
