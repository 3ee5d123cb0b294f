namespace Strata.Core.Web;

/// <summary>A passage the user marked in an item, with an optional note; <see cref="Start"/> is its offset in the item's text when known.</summary>
public sealed record Highlight(string Id, string ItemId, string Text, string? Note, int? Start, DateTimeOffset CreatedAt);
