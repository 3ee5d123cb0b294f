namespace Strata.Sources.Http;

/// <summary>A successful fetch: the body (already decompressed) and what the server said about it.</summary>
public sealed record FetchResult
{
    /// <summary>The URL that was asked for.</summary>
    public required Uri RequestedUrl { get; init; }

    /// <summary>The URL that answered, after redirects; equal to <see cref="RequestedUrl"/> when there were none.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>The final HTTP status, always 2xx.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The media type from <c>Content-Type</c>, lowercased without parameters; <c>application/octet-stream</c> when absent.</summary>
    public required string MediaType { get; init; }

    /// <summary>The lowercased <c>charset</c> parameter of <c>Content-Type</c>, or null when the header declares none.</summary>
    public string? Charset { get; init; }

    /// <summary>The body, decompressed, at most <see cref="HttpFetchOptions.MaxBytes"/> long.</summary>
    public required byte[] Content { get; init; }

    /// <summary>The <c>ETag</c> exactly as sent (quotes and <c>W/</c> kept), for a later <c>If-None-Match</c>.</summary>
    public string? ETag { get; init; }

    /// <summary>The <c>Last-Modified</c> header, for a later <c>If-Modified-Since</c>.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>A few useful response headers (see <see cref="ResponseHeaders.Kept"/>), keyed case-insensitively.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>When the response was complete, from the fetcher's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset FetchedAt { get; init; }
}
