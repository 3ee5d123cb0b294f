using System.Globalization;

namespace Strata.Cli.Commands;

/// <summary>Parses "since" values: an ISO date, or a span ago such as 90m, 24h, 7d, 2w.</summary>
internal static class TimeSpans
{
    public static DateTimeOffset ParseSince(string text, DateTimeOffset now)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            var span = char.ToLowerInvariant(text[^1]) switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => (TimeSpan?)null,
            };
            if (span is not null)
            {
                return now - span.Value;
            }
        }

        throw new UsageException($"cannot read '{text}' as a date (2026-01-31) or a span (90m, 24h, 7d, 2w)");
    }
}
