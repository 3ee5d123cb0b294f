namespace Strata.Mcp.Results;

/// <summary>What <c>add</c> stored (or found already stored), and the item's history including this write.</summary>
public sealed record AddedItem(string Id, string Title, string Outcome, string State, string? Url, IReadOnlyList<TagView> Tags, string? Message, IReadOnlyList<HistoryEntry> History);

/// <summary>An item's tags after <c>tag</c>.</summary>
public sealed record TaggedItem(string Id, string Title, IReadOnlyList<TagView> Tags);
