namespace Strata.Core.Storage;

/// <summary>A keyword search as the store runs it.</summary>
/// <param name="MatchExpression">A safe FTS5 MATCH expression; null lists by the filter alone, newest first.</param>
/// <param name="Filter">Conditions every hit must meet, applied inside the query.</param>
public sealed record SearchRequest(string? MatchExpression, ItemFilter Filter);

/// <summary>One ranked result; <see cref="Text"/> is the item's text for snippet building.</summary>
public sealed record SearchHit(ItemSummary Item, double Score, string Text);
