using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Strata.Core.Memory;

namespace Strata.Core.Tests.Memory;

/// <summary>Scheduler invariants checked with FsCheck over generated rating histories and stabilities.</summary>
public sealed class FsrsPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 500)]
    public bool Interval_LargerStability_NeverShorter(PositiveInt a, PositiveInt b, bool lowerRetention)
    {
        var smaller = a.Get / 100.0;
        var larger = smaller + b.Get / 100.0;
        var retention = lowerRetention ? 0.8 : 0.9;
        return FsrsMath.WholeIntervalDays(FsrsParameters.Default, smaller, retention, 36500)
            <= FsrsMath.WholeIntervalDays(FsrsParameters.Default, larger, retention, 36500);
    }

    [Property(MaxTest = 300)]
    public Property Again_NeverSchedulesBeyondTheRelearningStep(NonEmptyArray<PositiveInt> history, bool fuzz, int seed) =>
        Replay(history, fuzz, seed).Where(step => step.Rating == ReviewRating.Again)
            .All(step => step.Interval <= TimeSpan.FromMinutes(10))
            .Label("an Again was scheduled beyond the 10-minute relearning step");

    [Property(MaxTest = 300)]
    public Property Due_NeverMovesBackwards(NonEmptyArray<PositiveInt> history, bool fuzz, int seed)
    {
        var steps = Replay(history, fuzz, seed);
        var forward = steps.All(step => step.Memory.Due > step.At && step.Memory.Due >= step.PreviousDue);
        return forward.Label("a due date moved backwards");
    }

    [Property(MaxTest = 300)]
    public bool Preview_InReview_IntervalsOrderedByRating(PositiveInt goods, PositiveInt lateDays)
    {
        var scheduler = new FsrsScheduler(new SchedulerOptions());
        var card = CardMemory.New(Start);
        var at = Start;
        for (var i = 0; i < 2 + goods.Get % 8; i++)
        {
            card = scheduler.Review(card, ReviewRating.Good, at).Memory;
            at = card.Due;
        }

        var intervals = scheduler.Preview(card, at.AddDays(lateDays.Get % 60)).Select(review => review.Interval).ToArray();
        return intervals[0] <= intervals[1] && intervals[1] <= intervals[2] && intervals[2] <= intervals[3];
    }

    private static List<(ReviewRating Rating, DateTimeOffset At, DateTimeOffset PreviousDue, TimeSpan Interval, CardMemory Memory)> Replay(
        NonEmptyArray<PositiveInt> history, bool fuzz, int seed)
    {
        var scheduler = new FsrsScheduler(new SchedulerOptions { EnableFuzz = fuzz }, random: new Random(seed));
        var card = CardMemory.New(Start);
        var at = Start;
        var steps = new List<(ReviewRating, DateTimeOffset, DateTimeOffset, TimeSpan, CardMemory)>();
        foreach (var value in history.Get)
        {
            // Each value picks a rating and how late (0–3 days, in hours) the review comes after the due time.
            var rating = (ReviewRating)(value.Get % 4 + 1);
            at = card.Due.AddHours(value.Get / 4 % 72);
            var review = scheduler.Review(card, rating, at);
            steps.Add((rating, at, card.Due, review.Interval, review.Memory));
            card = review.Memory;
        }

        return steps;
    }
}
