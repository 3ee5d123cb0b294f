namespace Strata.Core.Memory;

/// <summary>Scheduler settings (section <c>Memory</c>). Defaults are the FSRS reference defaults.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Target probability of recall when a card comes due (0.7–0.99 is sensible).</summary>
    public double DesiredRetention { get; set; } = 0.9;

    public static readonly IReadOnlyList<TimeSpan> DefaultLearningSteps = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    public static readonly IReadOnlyList<TimeSpan> DefaultRelearningSteps = [TimeSpan.FromMinutes(10)];

    /// <summary>
    /// Steps a new card goes through before its first interval in days; null = 1 min, 10 min. (Null rather than a
    /// filled list because configuration binding appends to a list it finds.)
    /// </summary>
    public List<TimeSpan>? LearningSteps { get; set; }

    /// <summary>Steps a lapsed card goes through before it returns to review; null = 10 min.</summary>
    public List<TimeSpan>? RelearningSteps { get; set; }

    public IReadOnlyList<TimeSpan> EffectiveLearningSteps => LearningSteps ?? DefaultLearningSteps;

    public IReadOnlyList<TimeSpan> EffectiveRelearningSteps => RelearningSteps ?? DefaultRelearningSteps;

    /// <summary>Longest interval in days.</summary>
    public int MaximumInterval { get; set; } = 36500;

    /// <summary>Spread review intervals of 3+ days by a few percent so cards learned together do not stay together.</summary>
    public bool EnableFuzz { get; set; }

    /// <summary>Personal weights fitted by <c>strata learn optimize</c>; the defaults when null.</summary>
    public List<double>? Weights { get; set; }

    /// <summary>Smallest history <c>strata learn optimize</c> fits on (reviews a day or more after the previous one).</summary>
    public int MinimumReviewsToOptimize { get; set; } = FsrsOptimizer.DefaultMinimumReviews;

    /// <summary>One message per setting out of range.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (DesiredRetention is <= 0 or >= 1)
        {
            problems.Add($"Memory.DesiredRetention must be between 0 and 1 (exclusive), got {DesiredRetention}");
        }

        if (MaximumInterval < 1)
        {
            problems.Add($"Memory.MaximumInterval must be at least 1 day, got {MaximumInterval}");
        }

        if (EffectiveLearningSteps.Concat(EffectiveRelearningSteps).Any(step => step <= TimeSpan.Zero))
        {
            problems.Add("Memory.LearningSteps and Memory.RelearningSteps must be positive");
        }

        if (Weights is { Count: > 0 } weights && weights.Count != FsrsParameters.Count)
        {
            problems.Add($"Memory.Weights must hold {FsrsParameters.Count} numbers, got {weights.Count}");
        }

        return problems;
    }
}
