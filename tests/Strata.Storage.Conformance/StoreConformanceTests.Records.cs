using Strata.Core.Items;
using Strata.Core.Ledger;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Core.Summaries;
using Xunit;

namespace Strata.Storage.Conformance;

public abstract partial class StoreConformanceTests<TStore>
{
    [Fact]
    public async Task Chunks_SaveEmbedAndRead_RoundTripVectorsExactly()
    {
        await using var store = await CreateStoreAsync();
        var item = await store.AddIndexedAsync("Chunked", "first passage. second passage.", "topic");
        var chunks = new[] { new TextChunk(0, 0, 14, null, 3, "h0", "first passage."), new TextChunk(1, 15, 15, 2, 3, "h1", "second passage.") };
        await store.SaveChunksAsync(item.Id, chunks, None);
        await store.SaveChunksAsync("01NOTTHERE0000000000000000", chunks, None);

        var pending = await store.ListChunksToEmbedAsync("model-a", 10, None);
        float[] vector = [0.25f, -1.5f, float.Epsilon, 3.0e10f];
        await store.SaveEmbeddingsAsync("model-a", [("h0", vector)], None);
        await store.SaveEmbeddingsAsync("model-a", [("h0", vector)], None);
        var vectors = new List<StoredVector>();
        await foreach (var stored in store.ReadVectorsAsync("model-a", item.Id, None))
        {
            vectors.Add(stored);
        }

        Assert.Equal(chunks, await store.GetChunksAsync(item.Id, None));
        Assert.Equal(["h0", "h1"], pending.Select(chunk => chunk.Hash));
        Assert.Equal("Chunked", pending[0].Title);
        Assert.Equal(vector, Assert.Single(vectors).Vector);
        Assert.Equal(new ChunkCounts(1, 1, 2, 1), await store.CountChunksAsync("model-a", None));
        Assert.Equal(["h1"], (await store.ListChunksToEmbedAsync("model-a", 10, None)).Select(chunk => chunk.Hash));
        Assert.Empty(await store.ListItemsWithoutChunksAsync(10, None));
    }

    [Fact]
    public async Task FilterAndFacets_OverItems_CountTagsKindsSourcesAndLanguages()
    {
        await using var store = await CreateStoreAsync();
        var first = await store.AddIndexedAsync(ConformanceItems.NewItem("one") with { Url = "https://news.example.org/a", Language = "en", Tags = [new ItemTag("x")] }, "text");
        var second = await store.AddIndexedAsync(ConformanceItems.NewItem("two") with { SiteName = "Site", Language = "en", Tags = [new ItemTag("x")] }, "text");

        var ids = await store.FilterItemIdsAsync(new ItemFilter { Languages = ["en"], Limit = 1 }, None);
        var facets = await store.CountFacetsAsync([first.Id, second.Id], None);

        Assert.Equal(2, ids.Count);
        Assert.Equal([new FacetCount("x", 2)], facets.Tags);
        Assert.Equal([new FacetCount("file", 2)], facets.Kinds);
        Assert.Equal(["Site", "news.example.org"], facets.Sources.Select(source => source.Value).Order(StringComparer.Ordinal));
        Assert.Equal([new FacetCount("en", 2)], facets.Languages);
    }

    [Fact]
    public async Task Sources_AddDueRunAndRemove_BehaveAsRecorded()
    {
        await using var store = await CreateStoreAsync();
        var now = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var source = new Source { Id = Ulid.NewUlid().ToString(), Type = SourceType.Feed, Target = "https://example.org/feed.xml", CreatedAt = now, Tags = ["news"] };

        var (added, created) = await store.AddSourceAsync(source, None);
        var (again, createdAgain) = await store.AddSourceAsync(source with { Id = Ulid.NewUlid().ToString() }, None);
        await store.SaveSourceAsync(added with { NextRunAt = now.AddHours(1), Cursor = new Dictionary<string, string> { ["etag"] = "abc" } }, None);
        await store.RecordRunAsync(added.Id, now, new SourceRunResult(3, 1, 2, 0, TimeSpan.FromMilliseconds(1500)), None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(added.Id, again.Id);
        Assert.Empty(await store.ListDueSourcesAsync(now, None));
        Assert.Single(await store.ListDueSourcesAsync(now.AddHours(2), None));
        Assert.Equal("abc", (await store.GetSourceAsync(added.Id, None))!.Cursor["etag"]);
        Assert.Equal(["news"], (await store.GetSourceAsync(added.Id, None))!.Tags);
        Assert.Equal([added.Id], await store.FindSourceIdsByPrefixAsync(added.Id[..6], 5, None));
        var run = Assert.Single(await store.ListRunsAsync(added.Id, 10, None));
        Assert.Equal(3, run.Outcome.New);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), run.Outcome.Duration);
        Assert.True(await store.RemoveSourceAsync(added.Id, None));
        Assert.False(await store.RemoveSourceAsync(added.Id, None));
        Assert.Empty(await store.ListSourcesAsync(None));
    }

    [Fact]
    public async Task Provenance_AndVersions_TrackWhereItemsCameFrom()
    {
        await using var store = await CreateStoreAsync();
        var item = await store.AddIndexedAsync("Provenanced", "text");
        var seen = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await store.AddProvenanceAsync(item.Id, new Provenance("src", "file:/a.txt", null, "size:10", seen), None);
        await store.AddProvenanceAsync(item.Id, new Provenance("src", "file:/a.txt", "https://x", null, seen), None);
        await store.AddVersionAsync(item.Id, new SnapshotInfo("v2", "text/plain", 20, seen, "folder"), new Dictionary<string, string> { ["k"] = "v" }, None);
        await store.SetMetadataAsync(item.Id, new Dictionary<string, string> { ["deleted"] = "yes" }, None);

        var record = Assert.Single(await store.ListProvenanceAsync(item.Id, None));
        Assert.Equal("size:10", record.Fingerprint);
        Assert.Equal("https://x", record.Url);
        Assert.Equal(item.Id, (await store.FindByExternalIdAsync("file:/a.txt", None))?.Item.Id);
        Assert.Single(await store.ListProvenanceBySourceAsync("src", None));
        Assert.Equal(["v2"], (await store.ListSnapshotsAsync(item.Id, None)).Select(snapshot => snapshot.Hash));
        var reloaded = (await store.GetAsync(item.Id, None))!;
        Assert.Equal("v2", reloaded.ContentHash);
        Assert.Equal("v", reloaded.Metadata["k"]);
        Assert.Equal("yes", reloaded.Metadata["deleted"]);
        Assert.Equal(1, await store.CountPendingJobsAsync(None));
    }

    [Fact]
    public async Task Summaries_SaveReplaceAndList_OnePerMethod()
    {
        await using var store = await CreateStoreAsync();
        var item = await store.AddIndexedAsync("Summarised", "long text");
        var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal([item.Id], await store.ListItemsWithoutSummaryAsync("extractive", 10, None));
        Assert.True(await store.SaveSummaryAsync(new Summary(item.Id, "extractive", null, "first", ["a"], at), None));
        Assert.True(await store.SaveSummaryAsync(new Summary(item.Id, "extractive", null, "second", ["b", "c"], at), None));
        Assert.True(await store.SaveSummaryAsync(new Summary(item.Id, "abstractive", "m", "model's", [], at), None));
        Assert.False(await store.SaveSummaryAsync(new Summary("01NOTTHERE0000000000000000", "extractive", null, "x", [], at), None));

        var summaries = await store.GetSummariesAsync(item.Id, None);
        Assert.Equal(["abstractive", "extractive"], summaries.Select(summary => summary.Method));
        Assert.Equal(["b", "c"], summaries[1].KeyPoints);
        Assert.Empty(await store.ListItemsWithoutSummaryAsync("extractive", 10, None));
    }

    [Fact]
    public async Task Ledger_RecordsSumsAndCaches()
    {
        await using var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await store.RecordAsync(new LedgerEntry(at, "openai", "m", ModelPurposes.Summary, 100, 20, TimeSpan.FromMilliseconds(250), 0.0012m), None);
        await store.RecordAsync(new LedgerEntry(at.AddDays(1), "openai", "m", ModelPurposes.Summary, 5, 5, TimeSpan.Zero, 0m, Cached: true), None);
        await store.PutCachedResponseAsync("key", "m", "first", None);
        await store.PutCachedResponseAsync("key", "m", "second", None);

        Assert.Equal(130, await store.SumTokensAsync(ModelPurposes.Summary, at, None));
        Assert.Equal(10, await store.SumTokensAsync(ModelPurposes.Summary, at.AddHours(1), None));
        Assert.Equal(0.0012m, (await store.ListLedgerAsync(at, None))[0].Cost);
        Assert.True((await store.ListLedgerAsync(at, None))[1].Cached);
        Assert.Equal("second", await store.GetCachedResponseAsync("key", None));
        Assert.Null(await store.GetCachedResponseAsync("other", None));
    }

    [Fact]
    public async Task CorpusFrequencies_AddTwice_Accumulate()
    {
        await using var store = await CreateStoreAsync();
        await store.AddDocumentFrequenciesAsync(new Dictionary<string, int> { ["orbit"] = 2, ["知识"] = 1 }, 3, None);
        await store.AddDocumentFrequenciesAsync(new Dictionary<string, int> { ["orbit"] = 1 }, 1, None);

        var frequencies = await store.LoadDocumentFrequenciesAsync(["orbit", "知识", "never"], None);

        Assert.Equal(3, frequencies["orbit"]);
        Assert.Equal(1, frequencies["知识"]);
        Assert.False(frequencies.ContainsKey("never"));
        Assert.Equal(4, await store.LoadDocumentCountAsync(None));
    }
}
