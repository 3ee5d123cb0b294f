using Strata.Core.Enrich;
using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class SqliteStructureTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AddDocumentFrequenciesAsync_TwoFlushes_AccumulateTermsAndDocuments()
    {
        await using var fixture = await StoreFixture.CreateAsync();

        await fixture.Store.AddDocumentFrequenciesAsync(new Dictionary<string, int> { ["graph"] = 2, ["知识"] = 1 }, 3, None);
        await fixture.Store.AddDocumentFrequenciesAsync(new Dictionary<string, int> { ["graph"] = 1 }, 1, None);

        var found = await fixture.Store.LoadDocumentFrequenciesAsync(["graph", "知识", "absent"], None);
        Assert.Equal(3, found["graph"]);
        Assert.Equal(1, found["知识"]);
        Assert.False(found.ContainsKey("absent"));
        Assert.Equal(4, await fixture.Store.LoadDocumentCountAsync(None));
    }

    [Fact]
    public async Task FoldNearDuplicatesAsync_CloseFingerprint_FoldsIntoOldestHidesItAndUnfoldKeepsItApart()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        const ulong fingerprint = 0x0123_4567_89AB_CDEF;
        var original = await AddEnrichedAsync(fixture, "original", fingerprint);
        var copy = await AddEnrichedAsync(fixture, "copy", fingerprint ^ 0b101);
        await AddEnrichedAsync(fixture, "other", ~fingerprint);

        Assert.Equal(1, await fixture.Store.FoldNearDuplicatesAsync(None));
        Assert.Equal(0, await fixture.Store.FoldNearDuplicatesAsync(None));

        var cluster = Assert.Single(await fixture.Store.ListDuplicateClustersAsync(None));
        Assert.Equal(original.Id, cluster.Representative.Id);
        Assert.Equal((copy.Id, 2), (cluster.Members.Single().Item.Id, cluster.Members.Single().Distance));
        Assert.DoesNotContain(await fixture.Store.ListAsync(new ItemFilter(), None), item => item.Id == copy.Id);
        Assert.Contains(await fixture.Store.ListAsync(new ItemFilter { IncludeDuplicates = true }, None), item => item.Id == copy.Id);
        var hits = await fixture.Store.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("shared words")), new ItemFilter()), None);
        Assert.Equal(2, hits.Count);
        Assert.DoesNotContain(hits, hit => hit.Item.Id == copy.Id);
        Assert.Equal(original.Id, (await fixture.Store.GetStructureAsync(copy.Id, None))!.DuplicateOf!.Id);

        var rebuilt = await fixture.Store.RebuildNearDuplicatesAsync(None);
        Assert.Equal((3, 1, 1), (rebuilt.Fingerprints, rebuilt.Clusters, rebuilt.Folded));

        Assert.True(await fixture.Store.UnfoldAsync(copy.Id, None));
        Assert.Equal(0, (await fixture.Store.RebuildNearDuplicatesAsync(None)).Folded);
        Assert.Empty(await fixture.Store.ListDuplicateClustersAsync(None));
        Assert.False(await fixture.Store.UnfoldAsync(copy.Id, None));
    }

    private static async Task<Item> AddEnrichedAsync(StoreFixture fixture, string title, ulong fingerprint)
    {
        var item = StoreFixture.NewItem(title);
        await fixture.Store.InsertAsync([new NewItem(item, null)], None);
        var claimed = (await fixture.Store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None)).Single(candidate => candidate.Id == item.Id);
        var done = claimed with { State = ItemState.Indexed, Text = "shared words " + title };
        var index = new IndexDocument(SearchTextAnalyzer.ToIndexText(title), SearchTextAnalyzer.ToIndexText(done.Text), string.Empty);
        await fixture.Store.CompleteJobsAsync([new ProcessedItem(done, index, null, null, new ItemEnrichment([new Keyword(title, 1)], fingerprint, [], []))], None);
        return done;
    }
}
