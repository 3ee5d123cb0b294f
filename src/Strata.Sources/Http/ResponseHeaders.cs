using System.Net.Http.Headers;

namespace Strata.Sources.Http;

/// <summary>The response headers worth keeping with a snapshot.</summary>
public static class ResponseHeaders
{
    /// <summary>Names of the headers copied into <see cref="FetchResult.Headers"/>.</summary>
    public static IReadOnlyList<string> Kept { get; } =
    [
        "Content-Type",
        "Content-Language",
        "Content-Disposition",
        "Content-Location",
        "ETag",
        "Last-Modified",
        "Date",
        "Expires",
        "Cache-Control",
        "Link",
        "X-Robots-Tag",
    ];

    /// <summary>Copies the <see cref="Kept"/> headers of <paramref name="response"/>, joining repeated values with ", ".</summary>
    public static IReadOnlyDictionary<string, string> Select(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Kept)
        {
            if (TryGet(response.Headers, name, out var value) || TryGet(response.Content.Headers, name, out value))
            {
                kept[name] = value;
            }
        }

        return kept;
    }

    private static bool TryGet(HttpHeaders headers, string name, out string value)
    {
        if (headers.TryGetValues(name, out var values))
        {
            value = string.Join(", ", values);
            return true;
        }

        value = string.Empty;
        return false;
    }
}
