namespace Strata.Core.Memory;

/// <summary>A card's scheduling state: phase, learning step, FSRS memory (stability in days, difficulty 1–10) and due time.</summary>
/// <param name="State">The phase.</param>
/// <param name="Step">The (re)learning step index; null in <see cref="CardState.Review"/>.</param>
/// <param name="Stability">Days until recall probability falls to 90%; null before the first review.</param>
/// <param name="Difficulty">1 (easy) to 10 (hard); null before the first review.</param>
/// <param name="Due">When the card is next due.</param>
/// <param name="LastReview">When it was last reviewed; null for a new card.</param>
public sealed record CardMemory(CardState State, int? Step, double? Stability, double? Difficulty, DateTimeOffset Due, DateTimeOffset? LastReview)
{
    /// <summary>A card that has never been reviewed, due at <paramref name="now"/>.</summary>
    public static CardMemory New(DateTimeOffset now) => new(CardState.Learning, 0, null, null, now, null);

    public bool IsNew => Stability is null;
}
