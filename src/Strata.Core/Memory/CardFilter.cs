namespace Strata.Core.Memory;

/// <summary>Which cards to list. A tag matches the card's deck or a tag of its source item, and their children (<c>ml/...</c>).</summary>
public sealed record CardFilter
{
    public string? Tag { get; init; }

    public string? ItemId { get; init; }

    /// <summary>Only cards due at or before this time.</summary>
    public DateTimeOffset? DueBefore { get; init; }

    public bool IncludeSuspended { get; init; }

    public bool OnlySuspended { get; init; }

    public int Limit { get; init; } = 10_000;
}
