namespace Strata.Core.Memory;

/// <summary>
/// The FSRS-6 scheduler, step for step as py-fsrs 6.3.1's <c>Scheduler.review_card</c>: (re)learning steps in
/// minutes, then intervals in days from the memory model. Pure apart from the fuzz's random source; thread-safe
/// when fuzz is off.
/// </summary>
public sealed class FsrsScheduler
{
    private readonly SchedulerOptions _options;
    private readonly Random _random;

    /// <exception cref="ArgumentException">When <paramref name="options"/> has a setting out of range.</exception>
    public FsrsScheduler(SchedulerOptions options, FsrsParameters? parameters = null, Random? random = null)
    {
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options;
        Parameters = parameters ?? (options.Weights is { Count: > 0 } weights ? new FsrsParameters(weights) : FsrsParameters.Default);
        _random = random ?? Random.Shared;
    }

    public FsrsParameters Parameters { get; }

    public SchedulerOptions Options => _options;

    /// <summary>Probability of recalling the card at <paramref name="at"/> (0 for a new card).</summary>
    public double Retrievability(CardMemory card, DateTimeOffset at) =>
        card.Stability is { } stability && card.LastReview is { } last
            ? FsrsMath.Retrievability(Parameters, WholeDays(at - last), stability)
            : 0;

    /// <summary>What each of the four ratings would do at <paramref name="at"/> (shown before the user chooses).</summary>
    public IReadOnlyList<ScheduledReview> Preview(CardMemory card, DateTimeOffset at) =>
        [.. Enum.GetValues<ReviewRating>().Select(rating => Review(card, rating, at))];

    /// <summary>Grades <paramref name="card"/> with <paramref name="rating"/> at <paramref name="at"/>.</summary>
    public ScheduledReview Review(CardMemory card, ReviewRating rating, DateTimeOffset at)
    {
        var w = Parameters;
        int? sinceLast = card.LastReview is { } last ? WholeDays(at - last) : null;
        double stability, difficulty;
        if (card.Stability is not { } s || card.Difficulty is not { } d)
        {
            stability = FsrsMath.InitialStability(w, rating);
            difficulty = FsrsMath.InitialDifficulty(w, rating);
        }
        else
        {
            stability = FsrsMath.NextStability(w, d, s, Math.Max(sinceLast ?? 0, 0), rating);
            difficulty = FsrsMath.NextDifficulty(w, d, rating);
        }

        var (state, step, interval) = card.State switch
        {
            CardState.Review => AfterReview(stability, rating),
            CardState.Relearning => AfterSteps(_options.EffectiveRelearningSteps, CardState.Relearning, card.Step ?? 0, stability, rating),
            _ => AfterSteps(_options.EffectiveLearningSteps, CardState.Learning, card.Step ?? 0, stability, rating),
        };

        if (_options.EnableFuzz && state == CardState.Review)
        {
            interval = TimeSpan.FromDays(IntervalFuzz.Apply((int)interval.TotalDays, _options.MaximumInterval, _random));
        }

        return new ScheduledReview(rating, new CardMemory(state, step, stability, difficulty, at + interval, at), interval);
    }

    private (CardState State, int? Step, TimeSpan Interval) AfterReview(double stability, ReviewRating rating) =>
        rating == ReviewRating.Again && _options.EffectiveRelearningSteps.Count > 0
            ? (CardState.Relearning, 0, _options.EffectiveRelearningSteps[0])
            : (CardState.Review, null, Days(stability));

    private (CardState State, int? Step, TimeSpan Interval) AfterSteps(IReadOnlyList<TimeSpan> steps, CardState phase, int step, double stability, ReviewRating rating)
    {
        if (steps.Count == 0 || (step >= steps.Count && rating != ReviewRating.Again))
        {
            return (CardState.Review, null, Days(stability));
        }

        return rating switch
        {
            ReviewRating.Again => (phase, 0, steps[0]),
            // Hard repeats the step: halfway to the next one from the first, 1.5× a lone first step.
            ReviewRating.Hard when step == 0 => (phase, step, steps.Count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2),
            ReviewRating.Hard => (phase, step, steps[step]),
            ReviewRating.Good when step + 1 < steps.Count => (phase, step + 1, steps[step + 1]),
            _ => (CardState.Review, null, Days(stability)),
        };
    }

    private TimeSpan Days(double stability) =>
        TimeSpan.FromDays(FsrsMath.WholeIntervalDays(Parameters, stability, _options.DesiredRetention, _options.MaximumInterval));

    /// <summary>Whole days between two times, as Python's <c>timedelta.days</c> (floor).</summary>
    private static int WholeDays(TimeSpan span) => (int)Math.Floor(span.TotalDays);
}
