namespace Strata.Semantic.Chunking;

/// <summary>A paragraph or heading of an item's text: a span, its page, and whether it opens a section.</summary>
internal readonly record struct TextBlock(int Start, int End, int? Page, bool IsHeading);
