using Strata.Core.Digests;
using Strata.Core.Items;
using Strata.Core.Memory;
using Xunit;

namespace Strata.Storage.Conformance;

public abstract partial class StoreConformanceTests<TStore>
{
    private static readonly DateTimeOffset CardTime = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private static Card NewCard(string front, string? itemId, string? deck = null) => new()
    {
        Id = Ulid.NewUlid().ToString(), Kind = CardKind.Basic, Origin = CardOrigin.User, Front = front, Back = "answer", ItemId = itemId, Deck = deck,
        Memory = CardMemory.New(CardTime), CreatedAt = CardTime, UpdatedAt = CardTime,
    };

    [Fact]
    public async Task InsertCardsAsync_SameFrontForOneItem_SkippedAndTagFilterMatchesItemTagsAndDecks()
    {
        await using var store = await CreateStoreAsync();
        var item = await store.AddIndexedAsync("Tides", "Tides follow the moon.", "ocean/tides");

        var inserted = await store.InsertCardsAsync([NewCard("Q1", item.Id), NewCard("Q1", item.Id), NewCard("Q2", null, "ocean")], None);
        var byParentTag = await store.ListCardsAsync(new CardFilter { Tag = "ocean" }, None);
        var byChildTag = await store.ListCardsAsync(new CardFilter { Tag = "ocean/tides" }, None);

        Assert.Equal(2, inserted.Count);
        Assert.Equal(2, byParentTag.Count);
        Assert.Equal("Q1", Assert.Single(byChildTag).Front);
        Assert.Equal(2, await store.CountCardsAsync(new CardFilter(), None));
    }

    [Fact]
    public async Task RecordReviewAsync_StaleLastReview_StoresNothing()
    {
        await using var store = await CreateStoreAsync();
        var card = (await store.InsertCardsAsync([NewCard("Q", null)], None))[0];
        var scheduler = new FsrsScheduler(new SchedulerOptions());
        var first = scheduler.Review(card.Memory, ReviewRating.Good, CardTime);
        var entry = new ReviewLogEntry(card.Id, ReviewRating.Good, CardTime, card.Memory.State, 0, first.Interval.TotalDays, first.Memory.Stability!.Value, first.Memory.Difficulty!.Value);

        var stored = await store.RecordReviewAsync(card with { Memory = first.Memory, Reps = 1 }, null, entry, None);
        var stale = await store.RecordReviewAsync(card with { Memory = first.Memory, Reps = 2 }, null, entry, None);

        Assert.True(stored);
        Assert.False(stale);
        Assert.Single(await store.ListReviewsAsync(null, None));
        Assert.Empty(await store.ListReviewsAsync(CardTime.AddDays(1), None));
        Assert.Equal(1, (await store.FindCardsAsync(card.Id, 1, None))[0].Reps);
    }

    [Fact]
    public async Task DeleteItem_CardStaysWithoutItsItemAndParametersRoundTrip()
    {
        await using var store = await CreateStoreAsync();
        var item = await store.AddIndexedAsync("Tides", "Tides follow the moon.");
        var card = (await store.InsertCardsAsync([NewCard("Q", item.Id)], None))[0];
        var weights = FsrsParameters.Default.Weights.Select(w => w * 1.01).ToArray();

        await store.DeleteAsync(item.Id, None);
        await store.SaveParametersAsync(new FsrsParameters(weights), CardTime, 500, 0.4, 0.3, None);

        Assert.Null((await store.FindCardsAsync(card.Id, 1, None))[0].ItemId);
        Assert.Equal(weights, (await store.GetParametersAsync(None))!.Weights);
    }

    [Fact]
    public async Task Digests_SaveListAndMarks_RoundTrip()
    {
        await using var store = await CreateStoreAsync();
        var at = DateTimeOffset.UtcNow;
        var read = await store.AddIndexedAsync("read one", "text", "topic");
        var fresh = await store.AddIndexedAsync("fresh one", "text");
        Assert.True(await store.SetMarksAsync(read.Id, ItemStatus.Read, favourite: true, None));
        Assert.False(await store.SetMarksAsync("01NOTTHERE0000000000000000", ItemStatus.Read, null, None));
        var digest = new StoredDigest(Ulid.NewUlid().ToString(), at, at.AddDays(-1), at, null, "# md", "<h1>html</h1>", [read.Id, fresh.Id], [fresh.Id]);

        await store.SaveDigestAsync(digest, None);
        await store.MarkDigestDeliveredAsync(digest.Id, "me@example.org", None);

        var loaded = (await store.GetDigestAsync(digest.Id[..10].ToLowerInvariant(), None))!;
        Assert.Equal([fresh.Id], loaded.TopStoryIds);
        Assert.Equal(2, loaded.ItemIds.Count);
        Assert.Equal("me@example.org", loaded.DeliveredTo);
        Assert.Single(await store.ListDigestsAsync(5, None));
        Assert.Equal(2.0, (await store.GetInterestTagsAsync(None))["topic"]);
        Assert.Equal(["fresh one "], await store.ListEarlierDigestTextsAsync(3, [read.Id], None));
        Assert.Equal(2, (await store.ListDigestCandidatesAsync(at.AddHours(-1), at.AddHours(1), null, 10, None)).Count);
        Assert.Equal(["read one"], (await store.ListDigestCandidatesAsync(at.AddHours(-1), at.AddHours(1), "topic", 10, None)).Select(candidate => candidate.Item.DisplayTitle));
        await store.MarkOpenedAsync(fresh.Id, at, None);
        Assert.Equal(["read one"], (await store.ListResurfaceCandidatesAsync(at.AddHours(1), at.AddHours(-1), 0, 10, None)).Select(candidate => candidate.Item.DisplayTitle));
    }

    [Fact]
    public async Task WebStore_TokensHighlightsSettingsAndCounts()
    {
        await using var store = await CreateStoreAsync();
        var item = await store.AddIndexedAsync(ConformanceItems.NewItem("highlighted") with { SiteName = "Example" }, "some text");

        var highlight = await store.AddHighlightAsync(item.Id, "some", "note", 0, None);
        var token = await store.AddApiTokenAsync("Laptop", "hash-1", None);
        await store.SetSettingAsync("web.password", "secret", None);

        Assert.NotNull(highlight);
        Assert.Null(await store.AddHighlightAsync("01NOTTHERE0000000000000000", "x", null, null, None));
        Assert.Equal("some", Assert.Single(await store.ListHighlightsAsync(item.Id, None)).Text);
        Assert.True(await store.DeleteHighlightAsync(highlight.Id, None));
        Assert.Equal(token.Id, (await store.UseApiTokenAsync("hash-1", None))?.Id);
        Assert.Null(await store.UseApiTokenAsync("hash-2", None));
        Assert.NotNull(Assert.Single(await store.ListApiTokensAsync(None)).LastUsedAt);
        Assert.True(await store.RevokeApiTokenAsync("laptop", None));
        Assert.Equal("secret", await store.GetSettingAsync("web.password", None));
        await store.SetSettingAsync("web.password", null, None);
        Assert.Null(await store.GetSettingAsync("web.password", None));
        Assert.Equal(1, Assert.Single(await store.CountItemsByDayAsync(DateTimeOffset.UtcNow.AddDays(-1), None)).Items);
        Assert.Equal([("Example", 1)], await store.CountItemsBySourceAsync(5, None));
    }
}
