namespace Strata.Sources.Imports;

/// <summary>Validates a URL taken from an export: absolute, http or https. Pure.</summary>
internal static class BookmarkUrl
{
    /// <summary>Returns the URL, or null with <paramref name="problem"/> saying why (for a warning line).</summary>
    public static Uri? Parse(string? raw, out string? problem)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "missing URL";
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && url.Host.Length > 0)
        {
            problem = null;
            return url;
        }

        problem = "not an http(s) URL: " + Quote(text);
        return null;
    }

    /// <summary>Shortens a value for quoting in a warning (data: URLs can be megabytes).</summary>
    public static string Quote(string value) =>
        value.Length <= ImportLimits.WarningValueChars ? value : string.Concat(value.AsSpan(0, ImportLimits.WarningValueChars), "...");
}
