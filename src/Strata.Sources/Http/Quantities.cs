using System.Globalization;

namespace Strata.Sources.Http;

/// <summary>Formats byte counts and durations for one-line user messages.</summary>
internal static class Quantities
{
    private const long Kilobyte = 1024;
    private const long Megabyte = 1024 * 1024;

    /// <summary>"100 MB", "64 KB" or "1000 bytes": the largest unit that divides exactly.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= Megabyte when bytes % Megabyte == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / Megabyte} MB"),
        >= Kilobyte when bytes % Kilobyte == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / Kilobyte} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    /// <summary>"30 s" or "0.25 s".</summary>
    public static string FormatSeconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
