namespace Strata.Sources.Http;

/// <summary>
/// Canonical URLs for duplicate detection: scheme and host lowercased, default port and fragment dropped,
/// tracking parameters (<c>utm_*</c>, <c>fbclid</c>, <c>gclid</c>, <c>mc_cid</c>, <c>mc_eid</c>, <c>ref_src</c>) removed,
/// an empty query removed. Other parameters keep their order and spelling. Pure and thread-safe.
/// </summary>
public static class UrlNormalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid",
        "gclid",
        "mc_cid",
        "mc_eid",
        "ref_src",
    };

    /// <summary>Returns the canonical form of the absolute <paramref name="url"/>; throws <see cref="ArgumentException"/> for a relative one.</summary>
    public static Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        }

        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.IdnHost.ToLowerInvariant(),
            Fragment = string.Empty,
            Query = StripTracking(url.Query),
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }

    private static string StripTracking(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var kept = query[1..]
            .Split('&')
            .Where(pair => pair.Length > 0 && !IsTracking(pair))
            .ToList();
        return kept.Count == 0 ? string.Empty : string.Join('&', kept);
    }

    private static bool IsTracking(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }
}
