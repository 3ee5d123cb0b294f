using FsCheck;
using FsCheck.Xunit;
using Strata.Core.Memory;
using Xunit;

namespace Strata.Core.Tests.Memory;

public sealed class FsrsSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Review_NoLearningSteps_GoodGraduatesAtOnce()
    {
        var scheduler = new FsrsScheduler(new SchedulerOptions { LearningSteps = [], RelearningSteps = [] });

        var review = scheduler.Review(CardMemory.New(Start), ReviewRating.Good, Start);
        var lapse = scheduler.Review(review.Memory, ReviewRating.Again, review.Memory.Due);

        Assert.Equal((CardState.Review, (int?)null), (review.Memory.State, review.Memory.Step));
        Assert.Equal(TimeSpan.FromDays(2), review.Interval);
        Assert.Equal(CardState.Review, lapse.Memory.State);
        Assert.True(lapse.Interval >= TimeSpan.FromDays(1));
    }

    [Fact]
    public void Review_OneLearningStepHard_WaitsOneAndAHalfSteps()
    {
        var scheduler = new FsrsScheduler(new SchedulerOptions { LearningSteps = [TimeSpan.FromMinutes(10)] });
        Assert.Equal(TimeSpan.FromMinutes(15), scheduler.Review(CardMemory.New(Start), ReviewRating.Hard, Start).Interval);
    }

    [Fact]
    public void Review_MaximumInterval_CapsEasyIntervals()
    {
        var scheduler = new FsrsScheduler(new SchedulerOptions { MaximumInterval = 5 });
        Assert.Equal(TimeSpan.FromDays(5), scheduler.Review(CardMemory.New(Start), ReviewRating.Easy, Start).Interval);
    }

    [Fact]
    public void Constructor_BadSettings_ThrowsWithEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new SchedulerOptions { DesiredRetention = 1, MaximumInterval = 0 }));
        Assert.Contains("DesiredRetention", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaximumInterval", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public bool Fuzz_AnyInterval_StaysInItsRangeAndUnderTheMaximum(PositiveInt days, int seed)
    {
        var interval = days.Get % 2000 + 1;
        var fuzzed = IntervalFuzz.Apply(interval, 1000, new Random(seed));
        var (low, high) = IntervalFuzz.Range(interval, 1000);
        return interval < 3 ? fuzzed == interval : fuzzed >= low && fuzzed <= high && fuzzed <= 1000;
    }
}
