namespace Strata.Core.Sources;

/// <summary>How long a failing source rests before its next try: 5 minutes after one failure, doubling, at most a day.</summary>
public static class SourceBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public static TimeSpan For(int consecutiveFailures)
    {
        if (consecutiveFailures <= 0)
        {
            return TimeSpan.Zero;
        }

        var factor = Math.Pow(2, Math.Min(consecutiveFailures - 1, 16));
        return TimeSpan.FromTicks((long)Math.Min(First.Ticks * factor, Longest.Ticks));
    }
}
