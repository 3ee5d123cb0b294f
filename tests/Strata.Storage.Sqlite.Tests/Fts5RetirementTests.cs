using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

/// <summary>
/// FTS5 is kept only while the ranked index is incomplete: a new base never writes it, a base indexed in the current
/// format drops it on migration, a base made before the ranked index keeps writing and answering from it until a
/// rebuild retires it, and a search never answers from a retired (empty) FTS5.
/// </summary>
public sealed class Fts5RetirementTests
{
    private const string Fts5Rows = "SELECT count(*) FROM search_fts_docsize";
    private const string Fts5State = "SELECT value FROM settings WHERE key = 'search.fts'";

    [Fact]
    public async Task NewBase_RetiresFts5_AndIngestDeletesAndDuplicatesNeverWriteIt()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var kept = await fixture.AddIndexedAsync("Harbour", "harbour lights at night");
        var deleted = await fixture.AddIndexedAsync("Harbour too", "harbour boats");
        await fixture.Store.DeleteAsync(deleted.Id, CancellationToken.None);
        var duplicate = StoreFixture.NewItem("copy");
        await fixture.Store.InsertAsync([new NewItem(duplicate, null)], CancellationToken.None);
        var claimed = await fixture.Store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        await fixture.Store.CompleteJobsAsync([new ProcessedItem(claimed.Single() with { State = ItemState.Indexed }, null, null, DuplicateOf: kept.Id)], CancellationToken.None);

        Assert.Equal("retired", await fixture.ScalarAsync(Fts5State));
        Assert.Equal(0L, await fixture.ScalarAsync(Fts5Rows));
        Assert.False(await fixture.Store.KeepsFullTextFallbackAsync(CancellationToken.None));
        Assert.Equal([kept.Id], (await SearchAsync(fixture.Store, "harbour")).Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task Migration_OnABaseIndexedInTheCurrentFormat_EmptiesFts5AndRetiresIt()
    {
        await using var fixture = await StoreFixture.CreateAsync(keepFts5: true);
        var item = await fixture.AddIndexedAsync("Harbour", "harbour lights at night");
        Assert.Equal(1L, await fixture.ScalarAsync(Fts5Rows));

        await fixture.ExecuteAsync(SqliteSchema.Fts5Retirement);

        Assert.Equal(0L, await fixture.ScalarAsync(Fts5Rows));
        Assert.Equal("retired", await fixture.ScalarAsync(Fts5State));
        await using var reopened = new SqliteItemStore(fixture.DatabasePath);
        Assert.Equal([item.Id], (await SearchAsync(reopened, "harbour")).Select(hit => hit.Item.Id));
    }

    [Fact]
    public async Task Migration_OnABaseMadeBeforeTheRankedIndex_KeepsFts5()
    {
        await using var fixture = await StoreFixture.CreateAsync(keepFts5: true);
        await fixture.AddIndexedAsync("Harbour", "harbour lights at night");
        await fixture.ExecuteAsync("DELETE FROM settings WHERE key = 'search.keyword_index'");

        await fixture.ExecuteAsync(SqliteSchema.Fts5Retirement);

        Assert.Equal(1L, await fixture.ScalarAsync(Fts5Rows));
        Assert.Null(await fixture.ScalarAsync(Fts5State));
    }

    [Fact]
    public async Task BaseMadeBeforeTheRankedIndex_KeepsWritingAndAnsweringFromFts5_UntilTheRebuildRetiresIt()
    {
        await using var fixture = await StoreFixture.CreateAsync(keepFts5: true);
        var first = await fixture.AddIndexedAsync("Harbour", "harbour lights at night");
        await DropRankedIndexAsync(fixture);
        await using var store = new SqliteItemStore(fixture.DatabasePath);
        var second = await AddIndexedAsync(store, "Harbour boats", "harbour boats at dawn");

        Assert.False(await store.IsRankedIndexCompleteAsync(CancellationToken.None));
        Assert.True(await store.KeepsFullTextFallbackAsync(CancellationToken.None));
        Assert.Equal(2L, await fixture.ScalarAsync(Fts5Rows));
        var fromFts5 = (await SearchAsync(store, "harbour")).Select(hit => hit.Item.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), fromFts5);

        var count = await store.RebuildRankedIndexAsync(null, CancellationToken.None);

        Assert.Equal(2, count);
        Assert.True(await store.IsRankedIndexCompleteAsync(CancellationToken.None));
        Assert.False(await store.KeepsFullTextFallbackAsync(CancellationToken.None));
        Assert.Equal(0L, await fixture.ScalarAsync(Fts5Rows));
        Assert.Equal("retired", await fixture.ScalarAsync(Fts5State));
        Assert.Equal(fromFts5, (await SearchAsync(store, "harbour")).Select(hit => hit.Item.Id).Order(StringComparer.Ordinal));
        await AddIndexedAsync(store, "Tea", "green tea");
        Assert.Equal(0L, await fixture.ScalarAsync(Fts5Rows));
    }

    [Fact]
    public async Task RetiredFts5_WithTheIndexInAnOlderFormat_SearchFailsClearly_UntilTheRebuild()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var first = await fixture.AddIndexedAsync("Harbour", "harbour lights at night");
        var retagged = await fixture.AddIndexedAsync("Harbour boats", "harbour boats at dawn");
        await fixture.ExecuteAsync("UPDATE settings SET value = 'complete' WHERE key = 'search.keyword_index'"); // a format this build no longer reads
        await using var store = new SqliteItemStore(fixture.DatabasePath);
        await store.UpdateTagsAsync(retagged.Id, [new ItemTag("boats")], [], CancellationToken.None); // stepped back for re-indexing, not re-indexed yet

        var search = await Assert.ThrowsAsync<KeywordIndexUnavailableException>(() => SearchAsync(store, "harbour"));
        await Assert.ThrowsAsync<KeywordIndexUnavailableException>(() => store.FindSimilarCandidatesAsync(Fts5QueryBuilder.BuildAny(SearchQueryParser.Parse("harbour lights"))!, first.Id, 5, CancellationToken.None));
        Assert.Contains("strata reindex", search.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await store.SearchAsync(new SearchRequest(null, new ItemFilter()), CancellationToken.None)).Count); // listing needs no keyword index
        var third = await AddIndexedAsync(store, "Tea", "harbour tea");
        Assert.Equal(0L, await fixture.ScalarAsync(Fts5Rows));

        var count = await store.RebuildRankedIndexAsync(null, CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal(new[] { first.Id, retagged.Id, third.Id }.Order(StringComparer.Ordinal), (await SearchAsync(store, "harbour")).Select(hit => hit.Item.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RebuildStartedByAnotherProcess_IsSeenByTheNextSearch_WhichFailsClearlyRatherThanAnswerFromAHalfIndex()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = await fixture.AddIndexedAsync("Harbour", "harbour lights at night");
        Assert.Equal([item.Id], (await SearchAsync(fixture.Store, "harbour")).Select(hit => hit.Item.Id));

        // What RebuildRankedIndexAsync commits first, as another process would.
        await fixture.ExecuteAsync("DELETE FROM settings WHERE key = 'search.keyword_index'; DELETE FROM search_postings; DELETE FROM search_segments; UPDATE search_documents SET segment = 0");

        await Assert.ThrowsAsync<KeywordIndexUnavailableException>(() => SearchAsync(fixture.Store, "harbour"));
        Assert.False(await fixture.Store.IsRankedIndexCompleteAsync(CancellationToken.None));
    }

    private static Task<IReadOnlyList<SearchHit>> SearchAsync(SqliteItemStore store, string text) =>
        store.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse(text)), new ItemFilter()), CancellationToken.None);

    private static async Task<Item> AddIndexedAsync(SqliteItemStore store, string title, string text)
    {
        var item = StoreFixture.NewItem(title);
        await store.InsertAsync([new NewItem(item, null)], CancellationToken.None);
        var claimed = await store.ClaimJobsAsync(100, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        var done = claimed.Single(candidate => candidate.Id == item.Id) with { State = ItemState.Indexed, Text = text };
        await store.CompleteJobsAsync([new ProcessedItem(done, IndexStep.Describe(title, text, []), null)], CancellationToken.None);
        return done;
    }

    /// <summary>The state of a base made before the ranked index: no postings, no marker (FTS5 kept and full).</summary>
    private static Task DropRankedIndexAsync(StoreFixture fixture) => fixture.ExecuteAsync(
        "DELETE FROM search_postings; DELETE FROM search_segments; DELETE FROM search_documents; DELETE FROM settings WHERE key = 'search.keyword_index'");
}
