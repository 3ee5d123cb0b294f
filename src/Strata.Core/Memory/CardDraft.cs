namespace Strata.Core.Memory;

/// <summary>A generated card before it is saved: what it asks and the passage (span in the item's text) it came from.</summary>
public sealed record CardDraft(CardKind Kind, CardOrigin Origin, string Front, string Back, string ItemId, string Passage, int? SpanStart, int? SpanEnd);
