namespace Strata.Core.Memory;

/// <summary>
/// A flashcard: what it asks, where it came from (item and character span of the passage in the item's text) and
/// its FSRS memory. Decks follow tags: <see cref="Deck"/> is a tag (the source item's first tag unless given).
/// </summary>
public sealed record Card
{
    /// <summary>ULID.</summary>
    public required string Id { get; init; }

    public required CardKind Kind { get; init; }

    public required CardOrigin Origin { get; init; }

    /// <summary>The question side; cloze cards hold the sentence with <c>{{c1::answer}}</c>.</summary>
    public required string Front { get; init; }

    public required string Back { get; init; }

    /// <summary>The source item (null for imported cards without one, or when the item was deleted).</summary>
    public string? ItemId { get; init; }

    public string? Deck { get; init; }

    /// <summary>The source passage as it reads in the item.</summary>
    public string? Passage { get; init; }

    /// <summary>Start and end (exclusive) of the passage in the item's text; null when it could not be located.</summary>
    public int? SpanStart { get; init; }

    public int? SpanEnd { get; init; }

    /// <summary>The user's note from the highlight.</summary>
    public string? Note { get; init; }

    public bool Suspended { get; init; }

    public required CardMemory Memory { get; init; }

    public int Reps { get; init; }

    public int Lapses { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
