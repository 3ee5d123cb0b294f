namespace Strata.Core.Memory;

/// <summary>The FSRS-6 memory model as pure functions of the weights (names follow py-fsrs and fsrs-rs).</summary>
public static class FsrsMath
{
    public const double MinStability = 0.001;
    public const double MaxStability = 36500;
    public const double MinDifficulty = 1;
    public const double MaxDifficulty = 10;

    /// <summary>Probability of recall after <paramref name="elapsedDays"/> with stability <paramref name="stability"/>.</summary>
    public static double Retrievability(FsrsParameters w, double elapsedDays, double stability) =>
        Math.Pow(1 + w.Factor * Math.Max(0, elapsedDays) / stability, w.Decay);

    public static double InitialStability(FsrsParameters w, ReviewRating rating) => Math.Max(w[(int)rating - 1], MinStability);

    public static double InitialDifficulty(FsrsParameters w, ReviewRating rating) => ClampDifficulty(RawInitialDifficulty(w, (int)rating));

    /// <summary>Difficulty after a rating, before mean reversion: D + linear damping of −w6·(rating − 3).</summary>
    public static double DampedDifficulty(FsrsParameters w, double difficulty, ReviewRating rating)
    {
        var delta = -w[6] * ((int)rating - 3);
        return difficulty + (10 - difficulty) * delta / 9;
    }

    /// <summary>Difficulty after a rating: damped, pulled towards the initial difficulty of Easy by w7, clamped to 1–10.</summary>
    public static double NextDifficulty(FsrsParameters w, double difficulty, ReviewRating rating)
    {
        var damped = DampedDifficulty(w, difficulty, rating);
        return ClampDifficulty(w[7] * w.EasyInitialDifficulty + (1 - w[7]) * damped);
    }

    /// <summary>Stability after a successful recall (rating Hard applies w15, Easy w16; any other rating neither).</summary>
    public static double RecallStability(FsrsParameters w, double difficulty, double stability, double retrievability, ReviewRating rating)
    {
        var hardPenalty = rating == ReviewRating.Hard ? w[15] : 1;
        var easyBonus = rating == ReviewRating.Easy ? w[16] : 1;
        return stability * (1 + Math.Exp(w[8]) * (11 - difficulty) * Math.Pow(stability, -w[9])
            * (Math.Exp((1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus);
    }

    /// <summary>Stability after a lapse: the long-term formula, never above S / e^(w17·w18).</summary>
    public static double ForgetStability(FsrsParameters w, double difficulty, double stability, double retrievability)
    {
        var longTerm = w[11] * Math.Pow(difficulty, -w[12]) * (Math.Pow(stability + 1, w[13]) - 1) * Math.Exp((1 - retrievability) * w[14]);
        var shortTermCap = stability / Math.Exp(w[17] * w[18]);
        return Math.Min(longTerm, shortTermCap);
    }

    /// <summary>Stability after a same-day review; a passing rating (Hard or better) never lowers it.</summary>
    public static double ShortTermStability(FsrsParameters w, double stability, ReviewRating rating)
    {
        var increase = Math.Exp(w[17] * ((int)rating - 3 + w[18])) * Math.Pow(stability, -w[19]);
        if (rating >= ReviewRating.Hard)
        {
            increase = Math.Max(increase, 1);
        }

        return ClampStability(stability * increase);
    }

    /// <summary>Stability after a review <paramref name="elapsedDays"/> after the last (0 = same day).</summary>
    public static double NextStability(FsrsParameters w, double difficulty, double stability, double elapsedDays, ReviewRating rating)
    {
        if (elapsedDays < 1)
        {
            return ShortTermStability(w, stability, rating);
        }

        var retrievability = Retrievability(w, elapsedDays, stability);
        var next = rating == ReviewRating.Again
            ? ForgetStability(w, difficulty, stability, retrievability)
            : RecallStability(w, difficulty, stability, retrievability, rating);
        return ClampStability(next);
    }

    /// <summary>Days until recall probability falls to <paramref name="desiredRetention"/>, unrounded and unbounded.</summary>
    public static double IntervalDays(FsrsParameters w, double stability, double desiredRetention) =>
        stability / w.Factor * (Math.Pow(desiredRetention, 1 / w.Decay) - 1);

    /// <summary>The interval in whole days: rounded, at least 1, at most <paramref name="maximumDays"/>.</summary>
    public static int WholeIntervalDays(FsrsParameters w, double stability, double desiredRetention, int maximumDays) =>
        (int)Math.Min(Math.Max(Math.Round(IntervalDays(w, stability, desiredRetention), MidpointRounding.ToEven), 1), maximumDays);

    private static double RawInitialDifficulty(FsrsParameters w, int rating) => w[4] - Math.Exp(w[5] * (rating - 1)) + 1;

    private static double ClampDifficulty(double difficulty) => Math.Clamp(difficulty, MinDifficulty, MaxDifficulty);

    private static double ClampStability(double stability) => Math.Clamp(stability, MinStability, MaxStability);
}
