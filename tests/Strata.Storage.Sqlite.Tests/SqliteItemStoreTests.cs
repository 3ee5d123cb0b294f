using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class SqliteItemStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task MigrateAsync_RunTwice_IsIdempotentAndSetsVersion()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        await fixture.Store.MigrateAsync(None);

        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version; ";
        Assert.Equal(3L, (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task InsertAsync_ThenGet_RoundTripsEveryField()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = StoreFixture.NewItem("Round trip") with
        {
            Url = "https://example.org/a",
            Language = "en",
            PublishedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Pages = [new Core.Extraction.PageSpan(1, 0, 10), new Core.Extraction.PageSpan(2, 12, 5)],
            Metadata = new Dictionary<string, string> { ["author"] = "Ada" },
            Tags = [new ItemTag("research/ml"), new ItemTag("todo", TagOrigin.Source, 0.5)],
        };

        await fixture.Store.InsertAsync([new NewItem(item, null)], None);
        var loaded = await fixture.Store.GetAsync(item.Id, None);

        Assert.NotNull(loaded);
        Assert.Equal("Round trip", loaded.Title);
        Assert.Equal(item.PublishedAt, loaded.PublishedAt);
        Assert.Equal(2, loaded.Pages.Count);
        Assert.Equal(12, loaded.Pages[1].Start);
        Assert.Equal("Ada", loaded.Metadata["author"]);
        Assert.Equal(["research/ml", "todo"], loaded.Tags.Select(tag => tag.Name));
        Assert.Equal(TagOrigin.Source, loaded.Tags[1].Origin);
    }

    [Fact]
    public async Task FindDuplicateAsync_SameHashOrCanonicalUrl_FindsExistingItem()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = StoreFixture.NewItem("Original", hash: "abc123", canonicalUrl: "https://example.org/x");
        await fixture.Store.InsertAsync([new NewItem(item, null)], None);

        Assert.Equal(item.Id, (await fixture.Store.FindDuplicateAsync("abc123", null, None))?.Id);
        Assert.Equal(item.Id, (await fixture.Store.FindDuplicateAsync(null, "https://example.org/x", None))?.Id);
        Assert.Null(await fixture.Store.FindDuplicateAsync("other", "https://example.org/y", None));
    }

    [Fact]
    public async Task ClaimJobsAsync_AfterInterruptedRun_RecoversRunningJobs()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var items = Enumerable.Range(0, 5).Select(index => new NewItem(StoreFixture.NewItem($"item {index}"), null)).ToArray();
        await fixture.Store.InsertAsync(items, None);

        var firstClaim = await fixture.Store.ClaimJobsAsync(3, DateTimeOffset.UtcNow.AddSeconds(1), None);
        var secondClaim = await fixture.Store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None);
        Assert.Equal(3, firstClaim.Count);
        Assert.Equal(2, secondClaim.Count);
        Assert.Empty(firstClaim.Select(item => item.Id).Intersect(secondClaim.Select(item => item.Id)));

        // The "process" dies here: nothing completed. A new worker recovers all five.
        Assert.Equal(5, await fixture.Store.RecoverInterruptedJobsAsync(None));
        var recovered = await fixture.Store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None);
        Assert.Equal(5, recovered.Count);
    }

    [Fact]
    public async Task CompleteJobsAsync_WithError_KeepsItemAndListsItAsFailed()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = StoreFixture.NewItem("Broken");
        await fixture.Store.InsertAsync([new NewItem(item, null)], None);
        var claimed = (await fixture.Store.ClaimJobsAsync(1, DateTimeOffset.UtcNow.AddSeconds(1), None)).Single();

        await fixture.Store.CompleteJobsAsync([new ProcessedItem(claimed with { Error = "the PDF is damaged", ErrorIsTransient = false }, null, null)], None);

        var failed = await fixture.Store.ListAsync(new ItemFilter { FailedOnly = true }, None);
        Assert.Equal("the PDF is damaged", Assert.Single(failed).Error);
        Assert.Equal(0, await fixture.Store.CountPendingJobsAsync(None));
        Assert.Equal(0, await fixture.Store.RequeueFailedAsync(includePermanent: false, None));
        Assert.Equal(1, await fixture.Store.RequeueFailedAsync(includePermanent: true, None));
        Assert.Equal(1, await fixture.Store.CountPendingJobsAsync(None));
        Assert.Null((await fixture.Store.GetAsync(item.Id, None))!.Error);
    }

    [Fact]
    public async Task SearchAsync_StemmedAndCjkTerms_FindTheRightItems()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var english = await fixture.AddIndexedAsync("Document classification", "We studied the classification of documents by topic.");
        var chinese = await fixture.AddIndexedAsync("个人知识库", "构建一个结构化的个人知识库，方便检索。");
        await fixture.AddIndexedAsync("Gardening", "Tomatoes need sun and water.");

        var classified = await fixture.Store.SearchAsync(new SearchRequest(MatchOf("classified"), new ItemFilter()), None);
        var knowledge = await fixture.Store.SearchAsync(new SearchRequest(MatchOf("知识库"), new ItemFilter()), None);

        Assert.Equal(english.Id, Assert.Single(classified).Item.Id);
        Assert.Equal(chinese.Id, Assert.Single(knowledge).Item.Id);
        Assert.True(classified[0].Score > 0);
    }

    [Fact]
    public async Task SearchAsync_TitleMatch_RanksAboveBodyOnlyMatch()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var bodyOnly = await fixture.AddIndexedAsync("Notes", "Some words about retrieval and other things, retrieval again.");
        var inTitle = await fixture.AddIndexedAsync("Retrieval", "Some words about other things.");

        var hits = await fixture.Store.SearchAsync(new SearchRequest(MatchOf("retrieval"), new ItemFilter()), None);

        Assert.Equal([inTitle.Id, bodyOnly.Id], hits.Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task UpdateTagsAsync_OnIndexedItem_QueuesReindexAndTagFilterWorks()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = await fixture.AddIndexedAsync("Tagged", "Body text", "alpha");

        var tags = await fixture.Store.UpdateTagsAsync(item.Id, [new ItemTag("beta/child")], ["alpha"], None);

        Assert.Equal(["beta/child"], tags!.Select(tag => tag.Name));
        Assert.Equal(ItemState.Extracted, (await fixture.Store.GetAsync(item.Id, None))!.State);
        Assert.Equal(1, await fixture.Store.CountPendingJobsAsync(None));
        Assert.Single(await fixture.Store.ListAsync(new ItemFilter { Tags = ["beta"] }, None));
        Assert.Empty(await fixture.Store.ListAsync(new ItemFilter { Tags = ["alpha"] }, None));
    }

    [Fact]
    public async Task DeleteAsync_RemovesItemIndexAndReportsOrphanHashes()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = await fixture.AddIndexedAsync("Doomed", "unique zebra words");

        var orphans = await fixture.Store.DeleteAsync(item.Id, None);

        Assert.Equal([item.ContentHash!], orphans);
        Assert.Null(await fixture.Store.GetAsync(item.Id, None));
        Assert.Empty(await fixture.Store.SearchAsync(new SearchRequest(MatchOf("zebra"), new ItemFilter()), None));
        Assert.Null(await fixture.Store.DeleteAsync(item.Id, None));
    }

    [Fact]
    public async Task FindIdsByPrefixAsync_Prefixes_FindMatchesOnlyFromSixCharacters()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var first = StoreFixture.NewItem("x") with { Id = "01ABCDEFGH0000000000000001" };
        var second = StoreFixture.NewItem("y") with { Id = "01ABCDEFGH0000000000000002" };
        await fixture.Store.InsertAsync([new NewItem(first, null), new NewItem(second, null)], None);

        Assert.Equal([first.Id], await fixture.Store.FindIdsByPrefixAsync(first.Id.ToLowerInvariant(), 2, None));
        Assert.Equal(2, (await fixture.Store.FindIdsByPrefixAsync("01abcdefgh", 2, None)).Count);
        Assert.Empty(await fixture.Store.FindIdsByPrefixAsync("01ABC", 2, None));
        Assert.Empty(await fixture.Store.FindIdsByPrefixAsync("ZZZZZZZZZZ", 2, None));
    }

    private static string MatchOf(string word) =>
        "\"" + string.Join(' ', Core.Search.SearchTextAnalyzer.AnalyzeTerm(word)) + "\"";
}
