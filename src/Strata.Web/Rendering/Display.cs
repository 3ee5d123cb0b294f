using System.Globalization;

namespace Strata.Web.Rendering;

/// <summary>How dates, sizes and durations read on a page.</summary>
public static class Display
{
    public static string Date(DateTimeOffset? value) => value?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string DateTime(DateTimeOffset? value) => value?.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string IsoDate(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Minutes(int words) => $"{Math.Max(1, (int)Math.Round(words / Core.Constants.WordsPerMinute))} min read";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Where an item came from, in a few words: its site, else its URL's host, else its file name (nothing for a note).</summary>
    public static string Source(string? siteName, string? url, string? sourcePath) =>
        siteName ?? (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null) ?? (sourcePath is null ? "" : Path.GetFileName(sourcePath));
}
