using Strata.Core.Items;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Conformance;

public abstract partial class StoreConformanceTests<TStore>
{
    [Fact]
    public async Task ClaimJobsAsync_TwoClaims_TakeDisjointJobsAndCompletingEndsThem()
    {
        await using var store = await CreateStoreAsync();
        var items = Enumerable.Range(0, 5).Select(index => new NewItem(ConformanceItems.NewItem($"item {index}"), null)).ToArray();
        await store.InsertAsync(items, None);

        var first = await store.ClaimJobsAsync(3, DateTimeOffset.UtcNow.AddSeconds(1), None);
        var second = await store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None);
        var third = await store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None);

        Assert.Equal(3, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(third);
        Assert.Empty(first.Select(item => item.Id).Intersect(second.Select(item => item.Id)));
        Assert.Equal(5, await store.CountPendingJobsAsync(None));

        await store.CompleteJobsAsync([.. first.Concat(second).Select(item => new ProcessedItem(item with { State = ItemState.Indexed }, null, null))], None);

        Assert.Equal(0, await store.CountPendingJobsAsync(None));
        Assert.All(await store.ListAsync(new ItemFilter(), None), item => Assert.Equal(ItemState.Indexed, item.State));
    }

    [Fact]
    public async Task ClaimJobsAsync_NotYetDue_ClaimsNothing()
    {
        await using var store = await CreateStoreAsync();
        await store.InsertAsync([new NewItem(ConformanceItems.NewItem("later"), null)], None);

        Assert.Empty(await store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddDays(-1), None));
        Assert.Single(await store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None));
    }

    [Fact]
    public async Task CompleteJobsAsync_WithError_KeepsItemFailedUntilRequeued()
    {
        await using var store = await CreateStoreAsync();
        var transient = ConformanceItems.NewItem("transient");
        var permanent = ConformanceItems.NewItem("permanent");
        await store.InsertAsync([new NewItem(transient, null), new NewItem(permanent, null)], None);
        var claimed = await store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None);

        await store.CompleteJobsAsync(
        [
            new ProcessedItem(claimed.Single(item => item.Id == transient.Id) with { Error = "fetch: timeout", ErrorIsTransient = true }, null, null),
            new ProcessedItem(claimed.Single(item => item.Id == permanent.Id) with { Error = "extract: broken" }, null, null),
        ], None);

        Assert.Equal(2, (await store.ListAsync(new ItemFilter { FailedOnly = true }, None)).Count);
        Assert.Equal(0, await store.CountPendingJobsAsync(None));
        Assert.Equal(1, await store.RequeueFailedAsync(includePermanent: false, None));
        Assert.Equal(1, await store.CountPendingJobsAsync(None));
        Assert.Equal(1, await store.RequeueFailedAsync(includePermanent: true, None));
        Assert.Equal(2, await store.CountPendingJobsAsync(None));
        Assert.Empty(await store.ListAsync(new ItemFilter { FailedOnly = true }, None));
    }

    [Fact]
    public async Task RequeueForReprocessAsync_IndexedItems_StepBackToCollectedAndQueue()
    {
        await using var store = await CreateStoreAsync();
        var first = await store.AddIndexedAsync("first", "text one");
        await store.AddIndexedAsync("second", "text two");

        Assert.Equal(1, await store.RequeueForReprocessAsync([first.Id], None));
        Assert.Equal(ItemState.Collected, (await store.GetAsync(first.Id, None))!.State);
        Assert.Equal(2, await store.RequeueForReprocessAsync(null, None));
        Assert.Equal(2, await store.CountPendingJobsAsync(None));
    }

    [Fact]
    public async Task CompleteJobsAsync_Duplicate_RemovesItemAndMovesProvenance()
    {
        await using var store = await CreateStoreAsync();
        var existing = ConformanceItems.NewItem("existing");
        var arriving = ConformanceItems.NewItem("arriving");
        await store.InsertAsync([new NewItem(existing, null)], None);
        await store.InsertAsync([new NewItem(arriving, null, new Provenance("src1", "feed:src1:guid-1", "https://example.org/1", null, DateTimeOffset.UtcNow))], None);
        var claimed = await store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None);

        await store.CompleteJobsAsync([new ProcessedItem(claimed.Single(item => item.Id == arriving.Id), null, null, DuplicateOf: existing.Id)], None);

        Assert.Null(await store.GetAsync(arriving.Id, None));
        Assert.Equal(existing.Id, (await store.FindByExternalIdAsync("feed:src1:guid-1", None))?.Item.Id);
    }
}
