using Strata.Core.Enrich;
using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Conformance;

public abstract partial class StoreConformanceTests<TStore>
{
    [Fact]
    public async Task FoldNearDuplicatesAsync_CloseFingerprint_FoldsIntoOldestHidesItAndUnfoldKeepsItApart()
    {
        await using var store = await CreateStoreAsync();
        const ulong fingerprint = 0x0123_4567_89AB_CDEF;
        var original = await AddEnrichedAsync(store, "original", fingerprint);
        var copy = await AddEnrichedAsync(store, "copy", fingerprint ^ 0b101);
        await AddEnrichedAsync(store, "other", ~fingerprint);

        Assert.Equal(1, await store.FoldNearDuplicatesAsync(None));
        Assert.Equal(0, await store.FoldNearDuplicatesAsync(None));

        var cluster = Assert.Single(await store.ListDuplicateClustersAsync(None));
        Assert.Equal(original.Id, cluster.Representative.Id);
        Assert.Equal((copy.Id, 2), (cluster.Members.Single().Item.Id, cluster.Members.Single().Distance));
        Assert.DoesNotContain(await store.ListAsync(new ItemFilter(), None), item => item.Id == copy.Id);
        Assert.Contains(await store.ListAsync(new ItemFilter { IncludeDuplicates = true }, None), item => item.Id == copy.Id);
        var hits = await store.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("shared words")), new ItemFilter()), None);
        Assert.Equal(2, hits.Count);
        Assert.DoesNotContain(hits, hit => hit.Item.Id == copy.Id);
        // One word (no accumulators: the index ranks its postings list directly) hides the copy too.
        var oneWord = await store.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("shared")), new ItemFilter()), None);
        Assert.Equal(2, oneWord.Count);
        Assert.DoesNotContain(oneWord, hit => hit.Item.Id == copy.Id);
        Assert.Contains(await store.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("shared")), new ItemFilter { IncludeDuplicates = true }), None), hit => hit.Item.Id == copy.Id);
        Assert.Equal(original.Id, (await store.GetStructureAsync(copy.Id, None))!.DuplicateOf!.Id);
        Assert.Equal(["copy"], (await store.GetStructureAsync(copy.Id, None))!.Keywords.Select(keyword => keyword.Text));

        var rebuilt = await store.RebuildNearDuplicatesAsync(None);
        Assert.Equal((3, 1, 1), (rebuilt.Fingerprints, rebuilt.Clusters, rebuilt.Folded));

        Assert.True(await store.UnfoldAsync(copy.Id, None));
        Assert.Equal(0, (await store.RebuildNearDuplicatesAsync(None)).Folded);
        Assert.Empty(await store.ListDuplicateClustersAsync(None));
        Assert.False(await store.UnfoldAsync(copy.Id, None));
    }

    [Fact]
    public async Task FoldNearDuplicatesAsync_ItemsInBatches_FoldEachIntoTheClosestOlderItemsRepresentative()
    {
        await using var store = await CreateStoreAsync();
        var random = new Random(11);
        var families = Enumerable.Range(0, 12).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)).ToArray();
        var fingerprints = new List<ulong>();
        var ids = new List<string>();
        var expected = new List<int?>();
        for (var batch = 0; batch < 3; batch++)
        {
            var folded = 0;
            for (var i = 0; i < 40; i++)
            {
                // Variants of a few families (0-5 bits apart), and now and then an unrelated fingerprint.
                var fingerprint = random.Next(8) == 0 ? (ulong)random.NextInt64() : families[random.Next(families.Length)];
                for (var flips = random.Next(6); flips > 0; flips--)
                {
                    fingerprint ^= 1UL << random.Next(64);
                }

                ids.Add((await AddEnrichedAsync(store, $"item {batch} {i}", fingerprint)).Id);
                expected.Add(ExpectedRepresentative(fingerprints, expected, fingerprint));
                fingerprints.Add(fingerprint);
                folded += expected[^1] is null ? 0 : 1;
            }

            Assert.Equal(folded, await store.FoldNearDuplicatesAsync(None));
        }

        Assert.Contains(expected, representative => representative is not null);
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(expected[i] is { } representative ? ids[representative] : null, (await store.GetStructureAsync(ids[i], None))!.DuplicateOf?.Id);
        }

        // The rule, item by item in the order they came: among older items sharing a 16-bit band and at most
        // SimHash.MaxDistance bits away, the closest (the oldest on ties); its representative, or itself.
        static int? ExpectedRepresentative(List<ulong> older, List<int?> representatives, ulong fingerprint)
        {
            int? best = null;
            var bestDistance = int.MaxValue;
            for (var j = 0; j < older.Count; j++)
            {
                var sharesBand = Enumerable.Range(0, SimHashBands.Count).Any(band => SimHashBands.Value(older[j], band) == SimHashBands.Value(fingerprint, band));
                var distance = SimHash.Distance(older[j], fingerprint);
                if (sharesBand && distance <= SimHash.MaxDistance && distance < bestDistance)
                {
                    (best, bestDistance) = (j, distance);
                }
            }

            return best is { } found ? representatives[found] ?? found : null;
        }
    }

    [Fact]
    public async Task FindSimilarCandidatesAsync_SharedTerms_RankedWithoutTheItemItself()
    {
        await using var store = await CreateStoreAsync();
        var source = await AddEnrichedAsync(store, "source", 1);
        await AddEnrichedAsync(store, "neighbour", 1UL << 40);
        var expression = Fts5QueryBuilder.BuildAny(SearchQueryParser.Parse("shared neighbour"))!;

        var candidates = await store.FindSimilarCandidatesAsync(expression, source.Id, 10, None);

        Assert.Equal(["neighbour"], candidates.Select(candidate => candidate.Item.DisplayTitle));
        Assert.DoesNotContain(candidates, candidate => candidate.Item.Id == source.Id);
        Assert.Equal(["neighbour"], candidates[0].Keywords.Select(keyword => keyword.Text));
    }

    [Fact]
    public async Task Classification_SuggestionsDecisionsAndRenames_TeachAndRequeue()
    {
        await using var store = await CreateStoreAsync();
        var item = await store.AddIndexedAsync(ConformanceItems.NewItem("Tides") with { Tags = [new ItemTag("ocean/tides")] }, "tides follow the moon");
        var before = await store.GetLabelsVersionAsync(None);
        await store.AddSuggestionsAsync(item.Id, [new TagSuggestion("moon", TagOrigin.Learned, 0.8), new TagSuggestion("ocean/tides", TagOrigin.Learned, 0.9)], None);

        var suggestion = Assert.Single(await store.ListSuggestionsAsync(10, None));
        Assert.Equal(("moon", "Tides", TagOrigin.Learned), (suggestion.Tag, suggestion.ItemTitle, suggestion.Origin));
        Assert.True(await store.DecideSuggestionAsync(item.Id, "moon", accept: false, None));
        Assert.False(await store.DecideSuggestionAsync(item.Id, "never-suggested", accept: true, None));
        Assert.Contains((item.Id, "moon"), await store.ReadRejectionsAsync(None));
        Assert.NotEqual(before, await store.GetLabelsVersionAsync(None));
        var labelled = Assert.Single(await store.ReadLabelledDocumentsAsync(None));
        Assert.Equal(["ocean/tides"], labelled.Tags);

        Assert.Equal(1, await store.RenameTagAsync("ocean", "sea", None));
        Assert.Equal([new TagCount("sea/tides", 1, 1, 0)], await store.ListTagCountsAsync(None));
        Assert.Equal(["sea/tides"], (await store.ReadTagMembersAsync(None)).Keys);
        Assert.Equal(1, await store.CountPendingJobsAsync(None));

        var all = new List<Item>();
        await foreach (var stored in store.ReadAllItemsAsync(None))
        {
            all.Add(stored);
        }

        Assert.Equal("sea/tides", Assert.Single(Assert.Single(all).Tags).Name);
    }

    [Fact]
    public async Task RulesCategoriesAndModels_RoundTrip()
    {
        await using var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var rule = new Core.Enrich.Rules.Rule { Id = Ulid.NewUlid().ToString(), Name = "papers", CreatedAt = at };
        await store.SaveRuleAsync(rule, None);
        await store.SaveCategoryDescriptionAsync(new CategoryDescription("science", "papers and notes", at), None);
        await store.SaveModelAsync("tags", new StoredModel([1, 2, 3], 42, at), None);
        var item = await store.AddIndexedAsync("categorised", "text");

        Assert.Equal("papers", Assert.Single(await store.ListRulesAsync(None)).Name);
        Assert.Equal("papers and notes", Assert.Single(await store.ListCategoryDescriptionsAsync(None)).Description);
        Assert.Equal([1, 2, 3], (await store.GetModelAsync("tags", None))!.Data);
        Assert.Null(await store.GetModelAsync("other", None));
        Assert.Equal(1, await store.SetModelCategoriesAsync([(item.Id, "science", 0.7)], TagOrigin.Llm, None));
        Assert.Equal(0, await store.SetModelCategoriesAsync([(item.Id, "science", 0.7)], TagOrigin.Llm, None));
        Assert.Equal("science", (await store.GetAsync(item.Id, None))!.Category);
        Assert.True(await store.DeleteRuleAsync("papers", None));
        Assert.True(await store.DeleteCategoryDescriptionAsync("Science", None));
        Assert.Equal(1, await store.RequeueForEnrichmentAsync(null, None));
        Assert.Equal(ItemState.Extracted, (await store.GetAsync(item.Id, None))!.State);
    }

    private static async Task<Item> AddEnrichedAsync(TStore store, string title, ulong fingerprint)
    {
        var item = ConformanceItems.NewItem(title);
        await store.InsertAsync([new NewItem(item, null)], None);
        var claimed = (await store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None)).Single(candidate => candidate.Id == item.Id);
        var done = claimed with { State = ItemState.Indexed, Text = "shared words " + title };
        var index = new IndexDocument(SearchTextAnalyzer.ToIndexText(title), SearchTextAnalyzer.ToIndexText(done.Text), string.Empty);
        await store.CompleteJobsAsync([new ProcessedItem(done, index, null, null, new ItemEnrichment([new Keyword(title, 1)], fingerprint, [], []))], None);
        return done;
    }
}
