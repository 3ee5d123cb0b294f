using System.Globalization;

namespace Strata.Core.Memory;

/// <summary>Review intervals as a person says them (10m, 5h, 3d, 2.5mo, 1.2y), for every surface.</summary>
public static class IntervalText
{
    public static string Describe(TimeSpan interval) => interval.TotalMinutes < 60
        ? $"{Math.Max(1, Math.Round(interval.TotalMinutes)).ToString(CultureInfo.InvariantCulture)}m"
        : interval.TotalHours < 24 ? $"{Math.Round(interval.TotalHours).ToString(CultureInfo.InvariantCulture)}h"
        : interval.TotalDays < 30 ? $"{Math.Round(interval.TotalDays).ToString(CultureInfo.InvariantCulture)}d"
        : interval.TotalDays < 365 ? $"{(interval.TotalDays / 30).ToString("0.#", CultureInfo.InvariantCulture)}mo"
        : $"{(interval.TotalDays / 365).ToString("0.#", CultureInfo.InvariantCulture)}y";
}
