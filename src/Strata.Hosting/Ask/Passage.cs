namespace Strata.Hosting.Ask;

/// <summary>A piece of an item's text that may answer a question: where it is (offsets into the item's text, and its PDF page) and how well it matched.</summary>
/// <param name="ItemId">The item it is from.</param>
/// <param name="Title">The item's title.</param>
/// <param name="Url">The item's URL, if any.</param>
/// <param name="Path">The item's file path, if any.</param>
/// <param name="Start">Offset of the passage in the item's text.</param>
/// <param name="Length">Its length.</param>
/// <param name="Text">The passage.</param>
/// <param name="Page">The PDF page it starts on, when the item has pages.</param>
/// <param name="Score">Higher is better; comparable only within one retrieval.</param>
/// <param name="Coverage">Share of the question's content terms the passage contains (0–1).</param>
public sealed record Passage(string ItemId, string Title, string? Url, string? Path, int Start, int Length, string Text, int? Page, double Score, double Coverage);
