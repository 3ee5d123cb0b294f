using System.Globalization;
using ModelContextProtocol;

namespace Strata.Mcp;

/// <summary>Reads "since" values: an ISO date or time, or a span ago such as 90m, 24h, 7d, 2w (as the CLI does).</summary>
public static class Since
{
    /// <exception cref="McpException">The text is neither.</exception>
    public static DateTimeOffset Parse(string text, DateTimeOffset now)
    {
        var value = text.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        if (value.Length >= 2 && int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? span = char.ToLowerInvariant(value[^1]) switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => null,
            };
            if (span is not null)
            {
                return now - span.Value;
            }
        }

        throw new McpException($"cannot read '{text}' as a date (2026-01-31) or a span ago (90m, 24h, 7d, 2w)");
    }
}
