namespace Strata.Core.Memory;

/// <summary>How well the user recalled a card (FSRS ratings; the numbers are the keys in a review session).</summary>
public enum ReviewRating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}
