using System.Globalization;
using System.Text.RegularExpressions;

namespace Strata.Sources.Feeds;

/// <summary>
/// Tolerant date parsing for feeds: RFC 822/1123 with or without day name, two-digit years, named zones
/// (GMT, EST, CEST…), offsets written "+0100", "+01:00", "GMT+0100" or "GMT+1"; ISO 8601 / RFC 3339 with or
/// without offset (no offset means UTC). Never throws; null when nothing sensible can be read.
/// </summary>
public static partial class FeedDates
{
    private const int TwoDigitYearPivot = 50;

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["BST"] = 1, ["CET"] = 1, ["CEST"] = 2, ["MET"] = 1, ["MEST"] = 2, ["EET"] = 2, ["EEST"] = 3,
        ["JST"] = 9, ["KST"] = 9, ["AEST"] = 10, ["AEDT"] = 11,
    };

    /// <summary>Reads <paramref name="value"/> as a date; null when empty or unreadable.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        return ParseIso(text) ?? ParseRfc822(text) ?? ParseFallback(text);
    }

    private static DateTimeOffset? ParseIso(string text)
    {
        var match = Iso().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var offset = match.Groups["zone"].Success ? ParseZone(match.Groups["zone"].Value) : TimeSpan.Zero;
        var fraction = match.Groups["frac"].Success ? double.Parse("0" + match.Groups["frac"].Value, CultureInfo.InvariantCulture) : 0;
        return Build(
            Int(match, "y"), Int(match, "mo"), Int(match, "d"),
            OptionalInt(match, "h"), OptionalInt(match, "mi"), OptionalInt(match, "s"), offset, fraction);
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        var match = Rfc822().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var monthName = match.Groups["mon"].Value.ToLowerInvariant();
        var month = Array.FindIndex(Months, m => monthName.StartsWith(m, StringComparison.Ordinal)) + 1;
        if (month == 0)
        {
            return null;
        }

        var year = Int(match, "y");
        if (match.Groups["y"].Value.Length == 2)
        {
            year += year < TwoDigitYearPivot ? 2000 : 1900;
        }

        var offset = ParseZone(match.Groups["zone"].Value) ?? TimeSpan.Zero;
        return Build(year, month, Int(match, "d"), OptionalInt(match, "h"), OptionalInt(match, "mi"), OptionalInt(match, "s"), offset, 0);
    }

    private static DateTimeOffset? ParseFallback(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed
            : null;

    /// <summary>"+0100", "-05:00", "GMT+1", "UTC-0530", "EST", "" (UTC); null for unknown names.</summary>
    private static TimeSpan? ParseZone(string zone)
    {
        var match = Zone().Match(zone.Trim());
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var baseHours = 0;
        if (name.Length > 0 && !ZoneHours.TryGetValue(name, out baseHours))
        {
            return null;
        }

        if (!match.Groups["sign"].Success)
        {
            return TimeSpan.FromHours(baseHours);
        }

        var digits = match.Groups["hh"].Value;
        var hours = digits.Length > 2 ? int.Parse(digits[..^2], CultureInfo.InvariantCulture) : int.Parse(digits, CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : OptionalInt(match, "mm");
        var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
        var offset = TimeSpan.FromHours(baseHours) + (sign * new TimeSpan(hours, minutes, 0));
        return offset.Duration() <= TimeSpan.FromHours(14) ? offset : null;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan? offset, double fraction)
    {
        if (offset is null || year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        // 24:00 and leap seconds are written by some generators; roll them forward instead of rejecting.
        var start = new DateTimeOffset(year, month, day, 0, 0, 0, offset.Value);
        return start.AddHours(hour).AddMinutes(minute).AddSeconds(second + fraction);
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int OptionalInt(Match match, string group) => match.Groups[group].Success && match.Groups[group].Length > 0 ? Int(match, group) : 0;

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[T\s]+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?<frac>\.\d+)?)?)?\s*(?<zone>Z|[A-Z]{0,4}\s*[+-]\d{1,2}(?::?\d{2})?|[A-Z]{1,5})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?:[A-Za-z]+\.?,?\s*)?(?<d>\d{1,2})[\s\-]+(?<mon>[A-Za-z]{3,9})\.?[\s\-]+(?<y>\d{4}|\d{2})(?:,?\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?)?\s*(?<zone>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^(?<name>[A-Za-z]{0,5})\s*(?:(?<sign>[+-])\s*(?<hh>\d{1,4})(?::(?<mm>\d{2}))?)?(?:\s*\(.*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Zone();
}
