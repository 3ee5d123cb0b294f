using System.Globalization;

namespace Strata.Sources.Imports;

/// <summary>Reads the date spellings exports use into UTC. Unreadable or non-positive dates become null. Pure.</summary>
internal static class ImportDates
{
    /// <summary>Unix time in seconds (milliseconds and microseconds are recognised by size), or ISO 8601.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return FromUnix(number);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fractional)
            && fractional is > 0 and < long.MaxValue)
        {
            return FromUnix((long)fractional);
        }

        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }

    /// <summary>Unix time whose unit is guessed from its size: seconds, milliseconds or microseconds.</summary>
    public static DateTimeOffset? FromUnix(long value)
    {
        if (value <= 0)
        {
            return null;
        }

        try
        {
            return value switch
            {
                >= ImportLimits.MicrosecondsThreshold => DateTimeOffset.UnixEpoch.AddTicks(value * TimeSpan.TicksPerMicrosecond),
                >= ImportLimits.MillisecondsThreshold => DateTimeOffset.FromUnixTimeMilliseconds(value),
                _ => DateTimeOffset.FromUnixTimeSeconds(value),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
