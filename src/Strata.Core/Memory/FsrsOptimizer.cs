namespace Strata.Core.Memory;

/// <summary>
/// Fits the 21 FSRS-6 weights to a review log by minimising the log loss of predicted recall on every review that
/// came a day or more after the previous one, on four cards in five (full-batch Adam on central-difference
/// gradients, weights clipped to fsrs-rs' bounds). The loss is reported on the whole history and on the fifth of the
/// cards held out of the fit; the fitted weights are kept only when both improve. Pure; deterministic (a gradient's
/// evaluations run in parallel, each on its own copy).
/// </summary>
public static class FsrsOptimizer
{
    /// <summary>Fewer training reviews than this give parameters that mostly fit noise.</summary>
    public const int DefaultMinimumReviews = 400;

    private const int Iterations = 120;
    private const double LearningRate = 0.03;
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;
    private const double Step = 1e-4;
    private const double MinProbability = 1e-6;
    private const int HoldOutEvery = 5;

    public static OptimizationReport Fit(IReadOnlyList<ReviewLogEntry> log, FsrsParameters start, int minimumReviews = DefaultMinimumReviews)
    {
        var histories = Histories(log);
        var training = histories.Sum(history => history.Skip(1).Count(step => step.ElapsedDays >= 1));
        if (training == 0)
        {
            return new OptimizationReport(log.Count, 0, null, null, null,
                $"no review history to fit yet: {log.Count} reviews, none a day or more after the card's previous one");
        }

        var before = LogLoss(start.Weights.ToArray(), histories);
        if (training < minimumReviews)
        {
            return new OptimizationReport(log.Count, training, before, null, null,
                $"too little history to fit: {training} reviews a day or more after the previous one; fitting needs at least {minimumReviews}. The current parameters stay.");
        }

        // Every fifth card (in id order) is held out: the fit never sees it, so its loss says whether the fit generalises.
        var fitted = histories.Where((_, i) => i % HoldOutEvery != 0).ToList();
        var heldOut = histories.Where((_, i) => i % HoldOutEvery == 0).ToList();
        var weights = Descend(start.Weights.ToArray(), fitted);
        var after = LogLoss(weights, histories);
        var heldOutBefore = LogLoss(start.Weights.ToArray(), heldOut);
        var heldOutAfter = LogLoss(weights, heldOut);
        var report = new OptimizationReport(log.Count, training, before, after, new FsrsParameters(weights), null)
        {
            HeldOutLogLossBefore = heldOutBefore,
            HeldOutLogLossAfter = heldOutAfter,
        };
        return after < before && heldOutAfter <= heldOutBefore
            ? report
            : report with { Fitted = null, Notice = "the fitted parameters did not predict better (on all reviews and on the held-out cards); the current ones stay" };
    }

    private static double[] Descend(double[] weights, IReadOnlyList<ReplayStep[]> histories)
    {
        var m = new double[weights.Length];
        var v = new double[weights.Length];
        var gradient = new double[weights.Length];
        for (var t = 1; t <= Iterations; t++)
        {
            // The 42 loss evaluations of a gradient are independent: spread them over the cores.
            var current = (double[])weights.Clone();
            Parallel.For(0, weights.Length, i =>
            {
                var probe = (double[])current.Clone();
                var (low, high) = FsrsParameters.Bounds[i];
                var up = Math.Min(current[i] + Step, high);
                var down = Math.Max(current[i] - Step, low);
                probe[i] = up;
                var lossUp = LogLoss(probe, histories);
                probe[i] = down;
                var lossDown = LogLoss(probe, histories);
                gradient[i] = up > down ? (lossUp - lossDown) / (up - down) : 0;
            });

            for (var i = 0; i < weights.Length; i++)
            {
                m[i] = Beta1 * m[i] + (1 - Beta1) * gradient[i];
                v[i] = Beta2 * v[i] + (1 - Beta2) * gradient[i] * gradient[i];
                var mHat = m[i] / (1 - Math.Pow(Beta1, t));
                var vHat = v[i] / (1 - Math.Pow(Beta2, t));
                var (low, high) = FsrsParameters.Bounds[i];
                weights[i] = Math.Clamp(weights[i] - LearningRate * mHat / (Math.Sqrt(vHat) + Epsilon), low, high);
            }
        }

        return weights;
    }

    /// <summary>Mean log loss of <paramref name="weights"/> predicting recall on the reviews of <paramref name="log"/>.</summary>
    public static double LogLoss(FsrsParameters weights, IReadOnlyList<ReviewLogEntry> log) => LogLoss(weights.Weights.ToArray(), Histories(log));

    private static double LogLoss(double[] weights, IReadOnlyList<ReplayStep[]> histories)
    {
        var w = new FsrsParameters(weights);
        double sum = 0;
        var count = 0;
        foreach (var history in histories)
        {
            var stability = FsrsMath.InitialStability(w, history[0].Rating);
            var difficulty = FsrsMath.InitialDifficulty(w, history[0].Rating);
            for (var i = 1; i < history.Length; i++)
            {
                var step = history[i];
                if (step.ElapsedDays >= 1)
                {
                    var p = Math.Clamp(FsrsMath.Retrievability(w, step.ElapsedDays, stability), MinProbability, 1 - MinProbability);
                    sum -= step.Rating == ReviewRating.Again ? Math.Log(1 - p) : Math.Log(p);
                    count++;
                }

                (stability, difficulty) = MemoryReplay.Step(w, stability, difficulty, step);
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    /// <summary>Each card's reviews in time order, as replay steps with whole days between reviews.</summary>
    private static List<ReplayStep[]> Histories(IReadOnlyList<ReviewLogEntry> log) =>
        [.. log.GroupBy(entry => entry.CardId, StringComparer.Ordinal)
            .OrderBy(card => card.Key, StringComparer.Ordinal)
            .Select(card => card.OrderBy(entry => entry.ReviewedAt).ToArray())
            .Select(entries => entries.Select((entry, i) => new ReplayStep(
                entry.Rating, i == 0 ? 0 : Math.Floor((entry.ReviewedAt - entries[i - 1].ReviewedAt).TotalDays))).ToArray())];
}
