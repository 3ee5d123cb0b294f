using Strata.Core.Extraction;
using Strata.Semantic.Chunking;
using Xunit;

namespace Strata.Semantic.Tests.Chunking;

public sealed class TextChunkerTests
{
    [Fact]
    public void Chunk_HeadingsStartPassagesAndSpansPointIntoText()
    {
        const string text = "# Intro\n\nShort opening paragraph.\n\n# Methods\n\nWe measured things carefully.\n";
        var chunker = new TextChunker(new ChunkingOptions { MaxTokens = 256 });

        var chunks = chunker.Chunk("Title", text, []);

        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, chunk => Assert.Equal(chunk.Text, text.Substring(chunk.Start, chunk.Length)));
        Assert.StartsWith("# Intro", chunks[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("# Methods", chunks[1].Text, StringComparison.Ordinal);
        Assert.Equal([0, 1], chunks.Select(chunk => chunk.Ordinal));
    }

    [Fact]
    public void Chunk_LongParagraph_StaysWithinBudgetWithOverlap()
    {
        var text = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"word{i}"));
        var chunker = new TextChunker(new ChunkingOptions { MaxTokens = 64, OverlapTokens = 8 });

        var chunks = chunker.Chunk(null, text, []);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, chunk => Assert.True(chunk.TokenCount <= 64, $"{chunk.TokenCount} tokens"));
        Assert.All(chunks.Zip(chunks.Skip(1)), pair => Assert.True(pair.Second.Start < pair.First.Start + pair.First.Length, "consecutive passages overlap"));
        Assert.Equal(text.Length, chunks[^1].Start + chunks[^1].Length);
    }

    [Fact]
    public void Chunk_Pages_NeverCrossAndKnowTheirPage()
    {
        const string text = "First page text.\nSecond page text.";
        var chunker = new TextChunker(new ChunkingOptions());

        var chunks = chunker.Chunk(null, text, [new PageSpan(1, 0, 17), new PageSpan(2, 17, 17)]);

        Assert.Equal([1, 2], chunks.Select(chunk => chunk.Page ?? 0));
        Assert.Equal("Second page text.", chunks[1].Text);
    }

    [Fact]
    public void Chunk_SameTextDifferentTitle_ChangesHash()
    {
        var chunker = new TextChunker(new ChunkingOptions());

        var a = chunker.Chunk("A", "Same text.", []).Single();
        var b = chunker.Chunk("B", "Same text.", []).Single();

        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Equal(a.Hash, chunker.Chunk("A", "Same text.", []).Single().Hash);
    }
}
