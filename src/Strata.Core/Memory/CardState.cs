namespace Strata.Core.Memory;

/// <summary>Where a card is in the FSRS cycle. A new card is <see cref="Learning"/> at step 0 with no memory state yet.</summary>
public enum CardState
{
    Learning = 1,
    Review = 2,
    Relearning = 3,
}
