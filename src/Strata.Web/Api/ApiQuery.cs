using System.Globalization;

namespace Strata.Web.Api;

/// <summary>Reads query-string values the API shares: paging, enum names and "since" times.</summary>
internal static class ApiQuery
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    /// <summary>The page asked for; throws <see cref="ArgumentException"/> (a 400) when out of range.</summary>
    public static (int Limit, int Offset) Page(int? limit, int? offset, int defaultLimit = DefaultLimit)
    {
        var pageLimit = limit ?? defaultLimit;
        if (pageLimit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {MaxLimit}");
        }

        var pageOffset = offset ?? 0;
        return pageOffset < 0 ? throw new ArgumentException("offset must be 0 or more") : (pageLimit, pageOffset);
    }

    /// <summary>An enum value by name, case-insensitively; throws <see cref="ArgumentException"/> naming the allowed values.</summary>
    public static TEnum Enum<TEnum>(string value, string name)
        where TEnum : struct, System.Enum =>
        System.Enum.TryParse<TEnum>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw new ArgumentException($"{name} '{value}' is not one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(JsonName))}");

    public static IReadOnlyList<TEnum> Enums<TEnum>(string[]? values, string name)
        where TEnum : struct, System.Enum =>
        [.. (values ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(value => Enum<TEnum>(value, name))];

    public static IReadOnlyList<string> List(string[]? values) =>
        [.. (values ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>An ISO date, or a span back from <paramref name="now"/> such as 90m, 24h, 7d, 2w.</summary>
    public static DateTimeOffset Since(string text, DateTimeOffset now)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? span = char.ToLowerInvariant(text[^1]) switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => null,
            };
            if (span is { } value)
            {
                return now - value;
            }
        }

        throw new FormatException($"cannot read '{text}' as a date (2026-01-31) or a span (90m, 24h, 7d, 2w)");
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
