namespace Strata.Hosting.Ask;

/// <summary>A numbered source of an answer: <c>[Number]</c> in the text is this item's passage (and PDF page).</summary>
/// <param name="Number">The number the answer cites it by.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Title">The item's title.</param>
/// <param name="Url">The item's URL, if any.</param>
/// <param name="Path">The item's file path, if any.</param>
/// <param name="Page">The PDF page the passage starts on, when the item has pages.</param>
/// <param name="Start">Offset of the passage in the item's text.</param>
/// <param name="Length">Length of the passage.</param>
/// <param name="Passage">The passage's text.</param>
/// <param name="Cited">Whether the answer's text actually cites it.</param>
public sealed record Citation(int Number, string ItemId, string Title, string? Url, string? Path, int? Page, int Start, int Length, string Passage, bool Cited);
