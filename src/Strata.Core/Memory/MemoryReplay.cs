namespace Strata.Core.Memory;

/// <summary>One review in a card's history as the memory model sees it: the rating and the days since the previous review.</summary>
public readonly record struct ReplayStep(ReviewRating Rating, double ElapsedDays);

/// <summary>
/// Replays a card's review history through the memory model, as fsrs-rs' <c>memory_state</c> does: the first review
/// initialises stability and difficulty; a review 0 days after the previous one uses same-day stability.
/// </summary>
public static class MemoryReplay
{
    /// <summary>Stability and difficulty after every step of <paramref name="history"/>.</summary>
    /// <exception cref="ArgumentException">When the history is empty.</exception>
    public static (double Stability, double Difficulty) Final(FsrsParameters w, IReadOnlyList<ReplayStep> history)
    {
        if (history.Count == 0)
        {
            throw new ArgumentException("a memory state needs at least one review", nameof(history));
        }

        var stability = FsrsMath.InitialStability(w, history[0].Rating);
        var difficulty = FsrsMath.InitialDifficulty(w, history[0].Rating);
        for (var i = 1; i < history.Count; i++)
        {
            (stability, difficulty) = Step(w, stability, difficulty, history[i]);
        }

        return (stability, difficulty);
    }

    /// <summary>The memory state after one more review.</summary>
    public static (double Stability, double Difficulty) Step(FsrsParameters w, double stability, double difficulty, ReplayStep review) =>
        (FsrsMath.NextStability(w, difficulty, stability, review.ElapsedDays, review.Rating), FsrsMath.NextDifficulty(w, difficulty, review.Rating));
}
