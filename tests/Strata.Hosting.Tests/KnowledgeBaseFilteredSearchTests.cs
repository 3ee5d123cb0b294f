using Strata.Hosting.Ingest;
using Xunit;

namespace Strata.Hosting.Tests;

/// <summary>Filtered keyword search ranks first and filters a window of top hits; the answer must not depend on that.</summary>
public sealed class KnowledgeBaseFilteredSearchTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task SearchAsync_FilterMatchingOnlyLowRankedDocuments_ReturnsThemInBm25Order()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        // 30 untagged documents where "heron" is dense (high BM25), then 3 tagged ones where it is sparse.
        var inputs = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            inputs.Add(fixture.Input($"dense{i:D2}.md", $"# Dense {i}\n\nheron heron heron heron {i}"));
        }

        await fixture.Kb.AddAsync(inputs, new AddOptions(), null, None);
        var sparse = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            sparse.Add(fixture.Input($"sparse{i}.md", $"# Sparse {i}\n\nheron {string.Join(' ', Enumerable.Range(0, 20 * i).Select(k => $"filler{i}w{k}"))}"));
        }

        await fixture.Kb.AddAsync(sparse, new AddOptions { Tags = ["rare"] }, null, None);

        var unfiltered = await fixture.Kb.SearchAsync("heron", 2, None);
        var filtered = await fixture.Kb.SearchAsync("heron tag:rare", 2, None);
        var all = await fixture.Kb.SearchAsync("heron tag:rare", 10, None);

        Assert.All(unfiltered, hit => Assert.StartsWith("Dense", hit.Item.DisplayTitle, StringComparison.Ordinal));
        Assert.Equal(["Sparse 1", "Sparse 2"], filtered.Select(hit => hit.Item.DisplayTitle));
        Assert.Equal(["Sparse 1", "Sparse 2", "Sparse 3"], all.Select(hit => hit.Item.DisplayTitle));
        Assert.True(all[0].Score > all[1].Score && all[1].Score > all[2].Score);
    }

    [Fact]
    public async Task SearchAsync_FilterMatchingTopDocuments_PagesLikeTheUnfilteredOrder()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        var inputs = Enumerable.Range(1, 12).Select(i => fixture.Input($"n{i:D2}.md", $"# Note {i}\n\nkestrel {string.Join(' ', Enumerable.Repeat("pad", i))}")).ToList();
        await fixture.Kb.AddAsync(inputs, new AddOptions { Tags = ["birds"] }, null, None);

        var unfiltered = await fixture.Kb.SearchAsync("kestrel", 5, None);
        var filtered = await fixture.Kb.SearchAsync("kestrel tag:birds", 5, None);

        Assert.Equal(unfiltered.Select(hit => hit.Item.Id), filtered.Select(hit => hit.Item.Id));
        Assert.Equal("Note 1", filtered[0].Item.DisplayTitle);
    }
}
