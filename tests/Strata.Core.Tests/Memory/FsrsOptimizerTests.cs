using Strata.Core.Memory;
using Xunit;

namespace Strata.Core.Tests.Memory;

public sealed class FsrsOptimizerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fit_TooLittleHistory_SaysSoAndFitsNothing()
    {
        var log = Simulate(FsrsParameters.Default, cards: 5, reviewsPerCard: 4, seed: 1);

        var report = FsrsOptimizer.Fit(log, FsrsParameters.Default);

        Assert.Null(report.Fitted);
        Assert.NotNull(report.LogLossBefore);
        Assert.Contains("too little history", report.Notice);
        Assert.Contains("400", report.Notice);
    }

    [Fact]
    public void Fit_EmptyLog_SaysThereIsNoHistory()
    {
        var report = FsrsOptimizer.Fit([], FsrsParameters.Default);
        Assert.Null(report.LogLossBefore);
        Assert.Contains("no review history", report.Notice);
    }

    [Fact]
    public void Fit_UserWhoForgetsFaster_LowersTheLogLoss()
    {
        // A simulated user whose memories are a third as stable as the defaults assume.
        var weights = FsrsParameters.Default.Weights.ToArray();
        for (var i = 0; i < 4; i++)
        {
            weights[i] /= 3;
        }

        weights[8] -= 1.0;
        var log = Simulate(new FsrsParameters(weights), cards: 120, reviewsPerCard: 8, seed: 42);

        var report = FsrsOptimizer.Fit(log, FsrsParameters.Default);

        Assert.NotNull(report.Fitted);
        Assert.True(report.TrainingReviews >= FsrsOptimizer.DefaultMinimumReviews, $"{report.TrainingReviews} training reviews");
        Assert.True(report.LogLossAfter < report.LogLossBefore - 0.01, $"before {report.LogLossBefore}, after {report.LogLossAfter}");
        Assert.True(report.HeldOutLogLossAfter < report.HeldOutLogLossBefore, $"held out: before {report.HeldOutLogLossBefore}, after {report.HeldOutLogLossAfter}");
        Assert.Equal(report.LogLossAfter!.Value, FsrsOptimizer.LogLoss(report.Fitted, log), 9);
    }

    [Fact]
    public void Fit_RandomGrades_FitNotKeptWhenHeldOutCardsDoNotImprove()
    {
        // Grades that have nothing to do with time: whatever the fit finds in four cards in five is noise.
        var random = new Random(5);
        var log = new List<ReviewLogEntry>();
        for (var c = 0; c < 100; c++)
        {
            var at = Start;
            for (var r = 0; r < 6; r++)
            {
                log.Add(new ReviewLogEntry($"c{c:000}", random.Next(2) == 0 ? ReviewRating.Again : ReviewRating.Good, at, CardState.Review, 0, 1, 1, 5));
                at = at.AddDays(random.Next(1, 40));
            }
        }

        var report = FsrsOptimizer.Fit(log, FsrsParameters.Default);

        Assert.NotNull(report.HeldOutLogLossAfter);
        Assert.Equal(report.Fitted is null, report.HeldOutLogLossAfter > report.HeldOutLogLossBefore || report.LogLossAfter >= report.LogLossBefore);
    }

    /// <summary>Reviews each card when due under the default scheduler; recall is drawn from <paramref name="truth"/>.</summary>
    private static List<ReviewLogEntry> Simulate(FsrsParameters truth, int cards, int reviewsPerCard, int seed)
    {
        var random = new Random(seed);
        var scheduler = new FsrsScheduler(new SchedulerOptions { LearningSteps = [], RelearningSteps = [] });
        var log = new List<ReviewLogEntry>();
        for (var c = 0; c < cards; c++)
        {
            var card = CardMemory.New(Start.AddMinutes(c));
            double? trueStability = null, trueDifficulty = null;
            var at = card.Due;
            for (var r = 0; r < reviewsPerCard; r++)
            {
                ReviewRating rating;
                if (trueStability is null)
                {
                    rating = (ReviewRating)random.Next(1, 5);
                    trueStability = FsrsMath.InitialStability(truth, rating);
                    trueDifficulty = FsrsMath.InitialDifficulty(truth, rating);
                }
                else
                {
                    var elapsed = Math.Floor((at - card.LastReview!.Value).TotalDays);
                    var recalled = random.NextDouble() < FsrsMath.Retrievability(truth, elapsed, trueStability.Value);
                    rating = recalled ? (random.NextDouble() < 0.8 ? ReviewRating.Good : ReviewRating.Hard) : ReviewRating.Again;
                    (trueStability, trueDifficulty) = MemoryReplay.Step(truth, trueStability.Value, trueDifficulty!.Value, new ReplayStep(rating, elapsed));
                }

                var review = scheduler.Review(card, rating, at);
                log.Add(new ReviewLogEntry($"card{c}", rating, at, card.State, 0, review.Interval.TotalDays, review.Memory.Stability!.Value, review.Memory.Difficulty!.Value));
                card = review.Memory;
                at = card.Due;
            }
        }

        return log;
    }
}
