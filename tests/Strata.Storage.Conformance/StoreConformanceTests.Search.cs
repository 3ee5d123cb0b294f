using Strata.Core.Items;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Conformance;

public abstract partial class StoreConformanceTests<TStore>
{
    [Fact]
    public async Task SearchAsync_StemmedAndCjkTerms_FindTheRightItems()
    {
        await using var store = await CreateStoreAsync();
        await store.AddIndexedAsync("Running notes", "The runners were running quickly through the park.");
        await store.AddIndexedAsync("知识库", "这是一个个人知识库的说明。");
        await store.AddIndexedAsync("Unrelated", "Nothing to see here.");

        Assert.Equal(["Running notes"], await store.SearchTitlesAsync("run"));
        Assert.Equal(["Running notes"], await store.SearchTitlesAsync("RUNNERS park"));
        Assert.Equal(["知识库"], await store.SearchTitlesAsync("知识库"));
        Assert.Equal(["知识库"], await store.SearchTitlesAsync("个人"));
        Assert.Empty(await store.SearchTitlesAsync("run 知识库"));
    }

    [Fact]
    public async Task SearchAsync_SingleCjkCharacter_MatchesInsideBigrams()
    {
        await using var store = await CreateStoreAsync();
        await store.AddIndexedAsync("图书馆", "我在图书馆看书。");
        await store.AddIndexedAsync("other", "没有这个字");

        Assert.Equal(["图书馆"], await store.SearchTitlesAsync("馆"));
        Assert.Equal(["图书馆"], await store.SearchTitlesAsync("书"));
    }

    [Fact]
    public async Task SearchAsync_Phrase_MatchesOnlyAdjacentWordsInOrder()
    {
        await using var store = await CreateStoreAsync();
        await store.AddIndexedAsync("adjacent", "a quick brown fox jumps");
        await store.AddIndexedAsync("apart", "brown is the quick colour of a fox");

        Assert.Equal(["adjacent"], await store.SearchTitlesAsync("\"quick brown fox\""));
        Assert.Equal(2, (await store.SearchTitlesAsync("quick brown")).Count);
        Assert.Empty(await store.SearchTitlesAsync("\"fox quick\""));
    }

    [Fact]
    public async Task SearchAsync_ExclusionsAndAnyMode_CombineAsTheQuerySays()
    {
        await using var store = await CreateStoreAsync();
        await store.AddIndexedAsync("cats", "cats purr and sleep");
        await store.AddIndexedAsync("dogs", "dogs bark and sleep");
        await store.AddIndexedAsync("fish", "fish swim");

        Assert.Equal(["cats"], await store.SearchTitlesAsync("sleep -bark"));
        Assert.Equal(["cats"], await store.SearchTitlesAsync("sleep -\"dogs bark\""));
        Assert.Equal(["cats", "fish"], (await store.SearchTitlesAsync("purr swim", any: true)).Order());
        Assert.Empty(await store.SearchTitlesAsync("purr swim"));
    }

    [Fact]
    public async Task SearchAsync_TitleAndTagMatches_RankAboveBodyOnlyMatch()
    {
        await using var store = await CreateStoreAsync();
        await store.AddIndexedAsync("Body only", "We mention the telescope once in a long body of unrelated words here.");
        await store.AddIndexedAsync("Telescope guide", "All about lenses.");
        await store.AddIndexedAsync("Tagged", "Optics in general.", "telescope");

        var titles = await store.SearchTitlesAsync("telescope");

        Assert.Equal(["Telescope guide", "Tagged", "Body only"], titles);
    }

    [Fact]
    public async Task SearchAsync_Filters_ApplyToMatchesAndPaging()
    {
        await using var store = await CreateStoreAsync();
        for (var index = 0; index < 6; index++)
        {
            var item = ConformanceItems.NewItem($"Orbit {index}") with
            {
                Language = index % 2 == 0 ? "en" : "de",
                SiteName = index < 3 ? "Example News" : null,
                Tags = index == 5 ? [new ItemTag("space/orbits")] : [],
            };
            await store.AddIndexedAsync(item, "orbit mechanics");
        }

        Assert.Equal(3, (await store.SearchTitlesAsync("orbit", new ItemFilter { Languages = ["EN"] })).Count);
        Assert.Equal(3, (await store.SearchTitlesAsync("orbit", new ItemFilter { Sources = ["example news"] })).Count);
        Assert.Equal(["Orbit 5"], await store.SearchTitlesAsync("orbit", new ItemFilter { Tags = ["space"] }));
        Assert.Equal(2, (await store.SearchTitlesAsync("orbit", new ItemFilter { Limit = 2, Offset = 4 })).Count);
        Assert.Empty(await store.SearchTitlesAsync("orbit", new ItemFilter { Kinds = [ItemKind.Note] }));
    }

    [Fact]
    public async Task SearchAsync_NoMatchExpression_ListsByFilterWithText()
    {
        await using var store = await CreateStoreAsync();
        await store.AddIndexedAsync("only", "the text comes back for snippets");

        var hits = await store.SearchAsync(new SearchRequest(null, new ItemFilter()), None);

        Assert.Equal("the text comes back for snippets", Assert.Single(hits).Text);
        Assert.Equal(0, hits[0].Score);
    }

    [Fact]
    public async Task SearchAsync_Reindexed_FindsNewTextNotOld()
    {
        await using var store = await CreateStoreAsync();
        var item = await store.AddIndexedAsync("Versioned", "alpha content");
        await store.RequeueForReprocessAsync([item.Id], None);
        var claimed = Assert.Single(await store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None));
        var index = new IndexDocument("versioned", "beta content", string.Empty);

        await store.CompleteJobsAsync([new ProcessedItem(claimed with { State = ItemState.Indexed, Text = "beta content" }, index, null)], None);

        Assert.Empty(await store.SearchTitlesAsync("alpha"));
        Assert.Equal(["Versioned"], await store.SearchTitlesAsync("beta"));
    }
}
