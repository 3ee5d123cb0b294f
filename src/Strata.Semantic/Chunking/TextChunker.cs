using System.Security.Cryptography;
using System.Text;
using Strata.Core.Extraction;
using Strata.Core.Storage;

namespace Strata.Semantic.Chunking;

/// <summary>
/// Cuts an item's text into passages by structure: paragraphs are packed together up to the token budget, a
/// heading starts a new passage, a page boundary always does, and a paragraph longer than the budget is cut at
/// token boundaries with a small overlap. Every passage is a contiguous span of the original text.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public sealed class TextChunker(ChunkingOptions options)
{
    private readonly int _maxTokens = Math.Max(16, options.MaxTokens);
    private readonly int _overlap = Math.Clamp(options.OverlapTokens, 0, Math.Max(16, options.MaxTokens) / 2);

    public IReadOnlyList<TextChunk> Chunk(string? title, string? text, IReadOnlyList<PageSpan> pages)
    {
        var chunks = new List<TextChunk>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return chunks;
        }

        var current = (Start: -1, End: -1, Tokens: 0, Page: (int?)null);
        foreach (var block in TextBlocks.Split(text, pages))
        {
            var tokens = TokenCounter.Count(text.AsSpan(block.Start, block.End - block.Start));
            var startsSection = block.IsHeading || block.Page != current.Page;
            if (current.Start >= 0 && (startsSection || current.Tokens + tokens > _maxTokens))
            {
                Add(chunks, title, text, current.Start, current.End, current.Page);
                current = (-1, -1, 0, null);
            }

            if (tokens > _maxTokens)
            {
                SplitLong(chunks, title, text, block);
                continue;
            }

            current = current.Start < 0 ? (block.Start, block.End, tokens, block.Page) : (current.Start, block.End, current.Tokens + tokens, current.Page);
        }

        if (current.Start >= 0)
        {
            Add(chunks, title, text, current.Start, current.End, current.Page);
        }

        return chunks;
    }

    /// <summary>Cuts one over-long paragraph into budget-sized pieces, each repeating the tail of the one before.</summary>
    private void SplitLong(List<TextChunk> chunks, string? title, string text, TextBlock block)
    {
        var start = block.Start;
        while (start < block.End)
        {
            var rest = text.AsSpan(start, block.End - start);
            var length = TokenCounter.IndexAfter(rest, _maxTokens);
            if (length <= 0 || start + length >= block.End)
            {
                Add(chunks, title, text, start, block.End, block.Page);
                return;
            }

            Add(chunks, title, text, start, start + length, block.Page);
            var back = _overlap == 0 ? length : TokenCounter.IndexOfLast(rest[..length], _overlap);
            start += Math.Max(1, back);
        }
    }

    private static void Add(List<TextChunk> chunks, string? title, string text, int start, int end, int? page)
    {
        var passage = text[start..end];
        chunks.Add(new TextChunk(chunks.Count, start, end - start, page, TokenCounter.Count(passage), HashOf(EmbeddingInput(title, passage)), passage));
    }

    /// <summary>What is embedded for a passage: the item's title gives it context (and is part of the cache key).</summary>
    public static string EmbeddingInput(string? title, string passage) =>
        string.IsNullOrWhiteSpace(title) ? passage : title.Trim() + "\n\n" + passage;

    private static string HashOf(string input) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));
}
