using System.Diagnostics;
using System.Globalization;
using Strata.Core.Memory;

namespace Strata.Bench;

/// <summary>
/// <c>--fsrs-only [--cards N]</c>: FSRS-6 scheduling throughput (grades per second) and the time to fit personal
/// parameters to a simulated review log of N cards × 10 reviews (recall drawn from a user whose memories are a third
/// as stable as the defaults assume). Prints to the console; writes nothing.
/// </summary>
internal static class FsrsBenchmark
{
    public const string Flag = "--fsrs-only";
    private const int ReviewsPerCard = 10;
    private const int SchedulingGrades = 1_000_000;

    public static int Run(IReadOnlyList<string> args)
    {
        var cards = 1_000;
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--cards")
            {
                cards = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        var scheduler = new FsrsScheduler(new SchedulerOptions());
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var card = CardMemory.New(at);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < SchedulingGrades; i++)
        {
            var review = scheduler.Review(card, (ReviewRating)(i % 4 + 1), card.Due);
            card = i % 50 == 0 ? CardMemory.New(review.Memory.Due) : review.Memory;
        }

        Out.Line(string.Create(CultureInfo.InvariantCulture, $"fsrs scheduling: {SchedulingGrades / watch.Elapsed.TotalSeconds:N0} grades/s"));
        var log = Simulate(cards, new Random(42));
        watch.Restart();
        var report = FsrsOptimizer.Fit(log, FsrsParameters.Default);
        Out.Line(string.Create(CultureInfo.InvariantCulture,
            $"fsrs optimize: {log.Count:N0} reviews ({report.TrainingReviews:N0} training) in {watch.Elapsed.TotalSeconds:F1} s; log loss {report.LogLossBefore:F4} -> {report.LogLossAfter:F4}, held-out cards {report.HeldOutLogLossBefore:F4} -> {report.HeldOutLogLossAfter:F4}"));
        return 0;
    }

    private static List<ReviewLogEntry> Simulate(int cards, Random random)
    {
        var weights = FsrsParameters.Default.Weights.ToArray();
        for (var i = 0; i < 4; i++)
        {
            weights[i] /= 3;
        }

        var truth = new FsrsParameters(weights);
        var scheduler = new FsrsScheduler(new SchedulerOptions { LearningSteps = [], RelearningSteps = [] });
        var log = new List<ReviewLogEntry>(cards * ReviewsPerCard);
        var start = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
        for (var c = 0; c < cards; c++)
        {
            var card = CardMemory.New(start.AddMinutes(c));
            var (stability, difficulty) = (0.0, 0.0);
            for (var r = 0; r < ReviewsPerCard; r++)
            {
                ReviewRating rating;
                if (r == 0)
                {
                    rating = (ReviewRating)random.Next(1, 5);
                    (stability, difficulty) = (FsrsMath.InitialStability(truth, rating), FsrsMath.InitialDifficulty(truth, rating));
                }
                else
                {
                    var elapsed = Math.Floor((card.Due - card.LastReview!.Value).TotalDays);
                    rating = random.NextDouble() < FsrsMath.Retrievability(truth, elapsed, stability) ? ReviewRating.Good : ReviewRating.Again;
                    (stability, difficulty) = MemoryReplay.Step(truth, stability, difficulty, new ReplayStep(rating, elapsed));
                }

                var review = scheduler.Review(card, rating, card.Due);
                log.Add(new ReviewLogEntry($"card{c}", rating, card.Due, card.State, 0, review.Interval.TotalDays, review.Memory.Stability!.Value, review.Memory.Difficulty!.Value));
                card = review.Memory;
            }
        }

        return log;
    }
}
