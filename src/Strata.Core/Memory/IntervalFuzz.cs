namespace Strata.Core.Memory;

/// <summary>py-fsrs' interval fuzz ranges: intervals of 3+ days move by up to ~15% (less for long ones), at least 2 days; the draw is uniform over the whole days of the range.</summary>
public static class IntervalFuzz
{
    private static readonly (double Start, double End, double Factor)[] Ranges = [(2.5, 7, 0.15), (7, 20, 0.1), (20, double.PositiveInfinity, 0.05)];

    public static int Apply(int intervalDays, int maximumDays, Random random)
    {
        if (intervalDays < 2.5)
        {
            return intervalDays;
        }

        var (low, high) = Range(intervalDays, maximumDays);
        // py-fsrs rounds this draw, which can land one past the range's top; flooring keeps it inside, as Anki does.
        var fuzzed = (int)Math.Floor(random.NextDouble() * (high - low + 1)) + low;
        return Math.Min(fuzzed, maximumDays);
    }

    /// <summary>The inclusive range of fuzzed values for an interval.</summary>
    public static (int Low, int High) Range(int intervalDays, int maximumDays)
    {
        var delta = 1.0;
        foreach (var (start, end, factor) in Ranges)
        {
            delta += factor * Math.Max(Math.Min(intervalDays, end) - start, 0);
        }

        var low = Math.Max(2, (int)Math.Round(intervalDays - delta, MidpointRounding.ToEven));
        var high = Math.Min((int)Math.Round(intervalDays + delta, MidpointRounding.ToEven), maximumDays);
        return (Math.Min(low, high), high);
    }
}
