using Strata.Core.Extraction;
using Strata.Core.Items;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Conformance;

public abstract partial class StoreConformanceTests<TStore>
{
    [Fact]
    public async Task MigrateAsync_RunTwice_IsIdempotent()
    {
        await using var store = await CreateStoreAsync();
        await store.MigrateAsync(None);
        await store.InsertAsync([new NewItem(ConformanceItems.NewItem("after"), null)], None);

        Assert.Equal(1, (await store.GetStatisticsAsync(None)).Items);
    }

    [Fact]
    public async Task InsertAsync_ThenGet_RoundTripsEveryField()
    {
        await using var store = await CreateStoreAsync();
        var item = ConformanceItems.NewItem("Round trip") with
        {
            Url = "https://example.org/a",
            Language = "en",
            Byline = "Ada",
            ByteSize = 5_000_000_000,
            WordCount = 42,
            Favourite = true,
            PublishedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
            Pages = [new PageSpan(1, 0, 10), new PageSpan(2, 12, 5)],
            Metadata = new Dictionary<string, string> { ["author"] = "Ada", ["ünïcode"] = "知识库" },
            Tags = [new ItemTag("research/ml"), new ItemTag("todo", TagOrigin.Source, 0.5)],
        };

        await store.InsertAsync([new NewItem(item, null)], None);
        var loaded = await store.GetAsync(item.Id, None);

        Assert.NotNull(loaded);
        Assert.Equal("Round trip", loaded.Title);
        Assert.Equal(item.PublishedAt, loaded.PublishedAt);
        Assert.Equal(5_000_000_000, loaded.ByteSize);
        Assert.True(loaded.Favourite);
        Assert.Equal(42, loaded.WordCount);
        Assert.Equal(2, loaded.Pages.Count);
        Assert.Equal(12, loaded.Pages[1].Start);
        Assert.Equal("知识库", loaded.Metadata["ünïcode"]);
        Assert.Equal(["research/ml", "todo"], loaded.Tags.Select(tag => tag.Name));
        Assert.Equal(TagOrigin.Source, loaded.Tags[1].Origin);
        Assert.Equal(0.5, loaded.Tags[1].Confidence);
        Assert.Null(await store.GetAsync("01NOTTHERE0000000000000000", None));
    }

    [Fact]
    public async Task FindDuplicateAsync_SameHashSnapshotOrCanonicalUrl_FindsExistingItem()
    {
        await using var store = await CreateStoreAsync();
        var item = ConformanceItems.NewItem("Original", hash: "abc123", canonicalUrl: "https://example.org/x");
        await store.InsertAsync([new NewItem(item, new SnapshotInfo("older", "text/html", 10, DateTimeOffset.UtcNow, "fetch"))], None);

        Assert.Equal(item.Id, (await store.FindDuplicateAsync("abc123", null, None))?.Id);
        Assert.Equal(item.Id, (await store.FindDuplicateAsync("older", null, None))?.Id);
        Assert.Equal(item.Id, (await store.FindDuplicateAsync(null, "https://example.org/x", None))?.Id);
        Assert.Null(await store.FindDuplicateAsync("other", "https://example.org/y", None));
        Assert.Equal(["https://example.org/x"], await store.FindKnownCanonicalUrlsAsync(["https://example.org/x", "https://example.org/y"], None));
    }

    [Fact]
    public async Task FindIdsByPrefixAsync_Prefixes_FindMatchesOnlyFromSixCharacters()
    {
        await using var store = await CreateStoreAsync();
        var item = ConformanceItems.NewItem("prefixed");
        await store.InsertAsync([new NewItem(item, null)], None);

        Assert.Equal([item.Id], await store.FindIdsByPrefixAsync(item.Id[..8].ToLowerInvariant(), 5, None));
        Assert.Empty(await store.FindIdsByPrefixAsync(item.Id[..5], 5, None));
    }

    [Fact]
    public async Task ListAsync_OrdersAndPages_AsAsked()
    {
        await using var store = await CreateStoreAsync();
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var items = new[] { "banana", "Apple", "cherry" }
            .Select((title, index) => new NewItem(ConformanceItems.NewItem(title, collectedAt: start.AddDays(index)), null)).ToArray();
        await store.InsertAsync(items, None);

        var newest = await store.ListAsync(new ItemFilter(), None);
        var byTitle = await store.ListAsync(new ItemFilter { Order = ItemOrder.Title }, None);
        var page = await store.ListAsync(new ItemFilter { Order = ItemOrder.Oldest, Limit = 1, Offset = 1 }, None);
        var window = await store.ListAsync(new ItemFilter { After = start.AddDays(1), Before = start.AddDays(2) }, None);

        Assert.Equal(["cherry", "Apple", "banana"], newest.Select(item => item.DisplayTitle));
        Assert.Equal(["Apple", "banana", "cherry"], byTitle.Select(item => item.DisplayTitle));
        Assert.Equal(["Apple"], page.Select(item => item.DisplayTitle));
        Assert.Equal(["Apple"], window.Select(item => item.DisplayTitle));
    }

    [Fact]
    public async Task UpdateTagsAsync_OnIndexedItem_QueuesReindexAndChildTagsMatchParentFilter()
    {
        await using var store = await CreateStoreAsync();
        var item = await store.AddIndexedAsync("Tagged", "some body text");

        var tags = await store.UpdateTagsAsync(item.Id, [new ItemTag("AI/LLM")], [], None);
        var missing = await store.UpdateTagsAsync("01NOTTHERE0000000000000000", [new ItemTag("x")], [], None);

        Assert.Equal(["ai/llm"], tags!.Select(tag => tag.Name));
        Assert.Null(missing);
        Assert.Equal(1, await store.CountPendingJobsAsync(None));
        Assert.Equal(ItemState.Extracted, (await store.GetAsync(item.Id, None))!.State);
        Assert.Single(await store.ListAsync(new ItemFilter { Tags = ["ai"] }, None));
        Assert.Empty(await store.ListAsync(new ItemFilter { Tags = ["a"] }, None));

        var removed = await store.UpdateTagsAsync(item.Id, [], ["ai/llm"], None);
        Assert.Empty(removed!);
    }

    [Fact]
    public async Task DeleteAsync_RemovesItemIndexAndReportsOrphanHashes()
    {
        await using var store = await CreateStoreAsync();
        var shared = ConformanceItems.NewItem("keeps shared", hash: "shared");
        await store.InsertAsync([new NewItem(shared, null)], None);
        var item = ConformanceItems.NewItem("doomed zebra", hash: "own");
        await store.InsertAsync([new NewItem(item, new SnapshotInfo("shared", "text/plain", 3, DateTimeOffset.UtcNow, "test"))], None);
        var claimed = Assert.Single(await store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None), candidate => candidate.Id == item.Id);
        await store.CompleteJobsAsync([new ProcessedItem(claimed with { State = ItemState.Indexed }, new IndexDocument("doom zebra", "zebra text", string.Empty), null)], None);
        Assert.Single(await store.SearchTitlesAsync("zebra"));

        var orphans = await store.DeleteAsync(item.Id, None);

        Assert.NotNull(orphans);
        Assert.Equal(["own"], orphans);
        Assert.Null(await store.GetAsync(item.Id, None));
        Assert.Empty(await store.SearchTitlesAsync("zebra"));
        Assert.Null(await store.DeleteAsync(item.Id, None));
    }

    [Fact]
    public async Task GetStatisticsAsync_CountsItemsStatesFailuresAndJobs()
    {
        await using var store = await CreateStoreAsync();
        await store.AddIndexedAsync("indexed", "text");
        await store.InsertAsync([new NewItem(ConformanceItems.NewItem("queued"), null)], None);

        var statistics = await store.GetStatisticsAsync(None);
        var hashes = new List<(string, string)>();
        await foreach (var pair in store.ListContentHashesAsync(None))
        {
            hashes.Add(pair);
        }

        Assert.Equal(2, statistics.Items);
        Assert.Equal(1, statistics.ByState["indexed"]);
        Assert.Equal(1, statistics.PendingJobs);
        Assert.Equal(2, statistics.ByKind["file"]);
        Assert.True(statistics.DatabaseBytes > 0);
        Assert.Equal(2, hashes.Count);
        Assert.Equal(2, (await store.ListReferencedHashesAsync(None)).Count);
    }
}
