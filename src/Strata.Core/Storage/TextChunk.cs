namespace Strata.Core.Storage;

/// <summary>
/// One passage of an item's text, cut by structure (headings, paragraphs, pages) within a token budget. The span
/// is in characters of the item's extracted text, so a citation can point at it.
/// </summary>
/// <param name="Ordinal">Position among the item's chunks, from 0.</param>
/// <param name="Start">First character in the item's text.</param>
/// <param name="Length">Characters in the span.</param>
/// <param name="Page">The PDF page the span lies on (1-based), when the item has pages.</param>
/// <param name="TokenCount">Tokens in the span, by the chunker's tokenizer.</param>
/// <param name="Hash">SHA-256 of exactly what gets embedded (title and passage): the embedding cache key.</param>
/// <param name="Text">The passage itself.</param>
public sealed record TextChunk(int Ordinal, int Start, int Length, int? Page, int TokenCount, string Hash, string Text);
