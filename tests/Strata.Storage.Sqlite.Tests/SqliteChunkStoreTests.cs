using Strata.Core.Items;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class SqliteChunkStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static TextChunk Chunk(int ordinal, string hash, string text) => new(ordinal, 0, text.Length, null, 3, hash, text);

    /// <summary>Completes a new item whose text is the passages one after another (a passage is a span of its item's text).</summary>
    private static async Task<Item> CompleteWithChunksAsync(StoreFixture fixture, string title, params TextChunk[] chunks)
    {
        var item = StoreFixture.NewItem(title);
        await fixture.Store.InsertAsync([new NewItem(item, null)], None);
        var claimed = (await fixture.Store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), None)).Single(candidate => candidate.Id == item.Id);
        var text = string.Join("\n\n", chunks.Select(chunk => chunk.Text));
        var start = 0;
        var placed = new List<TextChunk>();
        foreach (var chunk in chunks)
        {
            placed.Add(chunk with { Start = start });
            start += chunk.Length + 2;
        }

        await fixture.Store.CompleteJobsAsync([new ProcessedItem(claimed with { State = ItemState.Indexed, Text = text }, new IndexDocument(title, text, string.Empty), null, Chunks: placed)], None);
        return item;
    }

    [Fact]
    public async Task CompleteJobsAsync_WithChunks_StoresThemAndEmbeddingsAreCachedByHashAndModel()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var first = await CompleteWithChunksAsync(fixture, "First", Chunk(0, "h1", "alpha"), Chunk(1, "h2", "beta"));
        await CompleteWithChunksAsync(fixture, "Copy", Chunk(0, "h1", "alpha"));

        Assert.Equal(["alpha", "beta"], (await fixture.Store.GetChunksAsync(first.Id, None)).Select(chunk => chunk.Text));
        var pending = await fixture.Store.ListChunksToEmbedAsync("m1", 100, None);
        Assert.Equal(["h1", "h2"], pending.Select(chunk => chunk.Hash).Order());

        await fixture.Store.SaveEmbeddingsAsync("m1", [("h1", [1f, 0f]), ("h2", [0f, 1f])], None);

        Assert.Empty(await fixture.Store.ListChunksToEmbedAsync("m1", 100, None));
        Assert.Equal(2, (await fixture.Store.ListChunksToEmbedAsync("m2", 100, None)).Count);
        var vectors = new List<StoredVector>();
        await foreach (var vector in fixture.Store.ReadVectorsAsync("m1", null, None))
        {
            vectors.Add(vector);
        }

        Assert.Equal(3, vectors.Count);
        Assert.Equal([0f, 1f], vectors.Single(vector => vector.ItemId == first.Id && vector.Ordinal == 1).Vector);
        var counts = await fixture.Store.CountChunksAsync("m1", None);
        Assert.Equal((2, 3, 3), (counts.ItemsWithChunks, counts.Chunks, counts.EmbeddedChunks));
    }

    [Fact]
    public async Task DeleteAsync_RemovesChunksButKeepsCachedEmbeddings()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var item = await CompleteWithChunksAsync(fixture, "Gone", Chunk(0, "h9", "text"));
        await fixture.Store.SaveEmbeddingsAsync("m", [("h9", [1f])], None);

        await fixture.Store.DeleteAsync(item.Id, None);

        Assert.Empty(await fixture.Store.GetChunksAsync(item.Id, None));
        await CompleteWithChunksAsync(fixture, "Back", Chunk(0, "h9", "text"));
        Assert.Empty(await fixture.Store.ListChunksToEmbedAsync("m", 10, None));
    }

    [Fact]
    public async Task FilterItemIdsAndFacets_CountOverTheGivenItems()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var a = await CompleteWithChunksAsync(fixture, "A", Chunk(0, "a", "a"));
        var b = await CompleteWithChunksAsync(fixture, "B", Chunk(0, "b", "b"));
        await fixture.Store.UpdateTagsAsync(a.Id, [new ItemTag("ml", TagOrigin.User, 1)], [], None);
        await fixture.Store.UpdateTagsAsync(b.Id, [new ItemTag("ml", TagOrigin.User, 1), new ItemTag("bio", TagOrigin.User, 1)], [], None);

        var tagged = await fixture.Store.FilterItemIdsAsync(new ItemFilter { Tags = ["bio"] }, None);
        var facets = await fixture.Store.CountFacetsAsync([a.Id, b.Id], None);

        Assert.Equal([b.Id], tagged);
        Assert.Equal(new FacetCount("ml", 2), facets.Tags[0]);
        Assert.Equal(new FacetCount("bio", 1), facets.Tags[1]);
        Assert.Equal(2, Assert.Single(facets.Kinds).Count);
    }
}
