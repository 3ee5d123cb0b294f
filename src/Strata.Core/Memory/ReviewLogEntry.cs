namespace Strata.Core.Memory;

/// <summary>One grading of a card, kept for progress statistics and for fitting personal parameters.</summary>
/// <param name="CardId">The card.</param>
/// <param name="Rating">The grade.</param>
/// <param name="ReviewedAt">When.</param>
/// <param name="StateBefore">The card's phase when it was shown.</param>
/// <param name="ElapsedDays">Days since the card's previous review (0 for the first or a same-day review).</param>
/// <param name="ScheduledDays">The interval the grade gave (fractions for minute steps).</param>
/// <param name="Stability">Stability after the grade.</param>
/// <param name="Difficulty">Difficulty after the grade.</param>
/// <param name="Deck">The card's deck (tag) when read back for statistics; ignored when writing.</param>
public sealed record ReviewLogEntry(
    string CardId, ReviewRating Rating, DateTimeOffset ReviewedAt, CardState StateBefore, double ElapsedDays, double ScheduledDays,
    double Stability, double Difficulty, string? Deck = null);
