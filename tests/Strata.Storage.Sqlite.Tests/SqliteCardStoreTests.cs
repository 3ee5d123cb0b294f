using Strata.Core.Memory;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class SqliteCardStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private static Card NewCard(string front, string? itemId, string? deck = null) => new()
    {
        Id = Ulid.NewUlid().ToString(), Kind = CardKind.Basic, Origin = CardOrigin.User, Front = front, Back = "answer", ItemId = itemId, Deck = deck,
        Memory = CardMemory.New(Now), CreatedAt = Now, UpdatedAt = Now,
    };

    [Fact]
    public async Task InsertCardsAsync_SameFrontForOneItem_SkippedAndTagFilterMatchesItemTagsAndDecks()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = await fixture.AddIndexedAsync("Tides", "Tides follow the moon.", "ocean/tides");

        var inserted = await fixture.Store.InsertCardsAsync([NewCard("Q1", item.Id), NewCard("Q1", item.Id), NewCard("Q2", null, "ocean")], None);
        var byParentTag = await fixture.Store.ListCardsAsync(new CardFilter { Tag = "ocean" }, None);
        var byChildTag = await fixture.Store.ListCardsAsync(new CardFilter { Tag = "ocean/tides" }, None);

        Assert.Equal(2, inserted.Count);
        Assert.Equal(2, byParentTag.Count);
        Assert.Equal("Q1", Assert.Single(byChildTag).Front);
    }

    [Fact]
    public async Task RecordReviewAsync_StaleLastReview_StoresNothing()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var card = (await fixture.Store.InsertCardsAsync([NewCard("Q", null)], None))[0];
        var scheduler = new FsrsScheduler(new SchedulerOptions());
        var first = scheduler.Review(card.Memory, ReviewRating.Good, Now);
        var entry = new ReviewLogEntry(card.Id, ReviewRating.Good, Now, card.Memory.State, 0, first.Interval.TotalDays, first.Memory.Stability!.Value, first.Memory.Difficulty!.Value);

        var stored = await fixture.Store.RecordReviewAsync(card with { Memory = first.Memory, Reps = 1 }, null, entry, None);
        var stale = await fixture.Store.RecordReviewAsync(card with { Memory = first.Memory, Reps = 2 }, null, entry, None);

        Assert.True(stored);
        Assert.False(stale);
        Assert.Single(await fixture.Store.ListReviewsAsync(null, None));
        Assert.Equal(1, (await fixture.Store.FindCardsAsync(card.Id, 1, None))[0].Reps);
    }

    [Fact]
    public async Task DeleteItem_CardStaysWithoutItsItemAndParametersRoundTrip()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = await fixture.AddIndexedAsync("Tides", "Tides follow the moon.");
        var card = (await fixture.Store.InsertCardsAsync([NewCard("Q", item.Id)], None))[0];
        var weights = FsrsParameters.Default.Weights.Select(w => w * 1.01).ToArray();

        await fixture.Store.DeleteAsync(item.Id, None);
        await fixture.Store.SaveParametersAsync(new FsrsParameters(weights), Now, 500, 0.4, 0.3, None);

        Assert.Null((await fixture.Store.FindCardsAsync(card.Id, 1, None))[0].ItemId);
        Assert.Equal(weights, (await fixture.Store.GetParametersAsync(None))!.Weights);
    }
}
