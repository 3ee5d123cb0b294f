using System.Globalization;
using Cronos;

namespace Strata.Core.Sources;

/// <summary>When a source runs: every fixed interval, or on a cron expression (5 fields, or 6 with seconds). Immutable.</summary>
public sealed record SourceSchedule
{
    private SourceSchedule(TimeSpan? every, string? cron)
    {
        Every = every;
        Cron = cron;
    }

    public TimeSpan? Every { get; }

    public string? Cron { get; }

    public static SourceSchedule Default { get; } = new(TimeSpan.FromHours(1), null);

    public static SourceSchedule Interval(TimeSpan every) =>
        every >= TimeSpan.FromSeconds(1) ? new(every, null) : throw new FormatException("an interval must be at least 1 second");

    /// <summary>Parses a cron expression; throws <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static SourceSchedule FromCron(string expression)
    {
        _ = ParseCron(expression);
        return new(null, expression.Trim());
    }

    /// <summary>Parses "90s", "15m", "2h", "1d", "1w" or a TimeSpan like "01:30:00".</summary>
    public static TimeSpan ParseInterval(string text)
    {
        text = text.Trim();
        if (text.Length >= 2 && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            TimeSpan? span = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => null,
            };
            if (span is { } value)
            {
                return value;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
            ? parsed
            : throw new FormatException($"cannot read '{text}' as an interval (examples: 30m, 2h, 1d)");
    }

    /// <summary>The next run strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        if (Every is { } every)
        {
            return after + every;
        }

        return ParseCron(Cron!).GetNextOccurrence(after, TimeZoneInfo.Local) ?? after.AddYears(100);
    }

    /// <summary>Stored form: "every:3600" (seconds) or "cron:0 7 * * *".</summary>
    public string Serialize() => Every is { } every
        ? string.Create(CultureInfo.InvariantCulture, $"every:{(long)every.TotalSeconds}")
        : $"cron:{Cron}";

    public static SourceSchedule Deserialize(string text) => text.StartsWith("every:", StringComparison.Ordinal)
        ? new(TimeSpan.FromSeconds(long.Parse(text.AsSpan(6), CultureInfo.InvariantCulture)), null)
        : new(null, text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..]);

    public override string ToString() => Every is { } every ? $"every {Describe(every)}" : $"cron {Cron}";

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalDays == Math.Floor(span.TotalDays) => $"{span.TotalDays:0}d",
        { TotalHours: >= 1 } when span.TotalHours == Math.Floor(span.TotalHours) => $"{span.TotalHours:0}h",
        { TotalMinutes: >= 1 } when span.TotalMinutes == Math.Floor(span.TotalMinutes) => $"{span.TotalMinutes:0}m",
        _ => $"{span.TotalSeconds:0}s",
    };

    private static CronExpression ParseCron(string expression)
    {
        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CronExpression.Parse(trimmed, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException exception)
        {
            throw new FormatException($"not a valid cron expression '{expression}': {exception.Message}", exception);
        }
    }
}
