namespace Strata.Sources.Http;

/// <summary>
/// A successful fetch: the body (already decompressed) and what the server said about it, or, when
/// <see cref="NotModified"/> is true, the server's word that the resource is unchanged since the validators sent.
/// </summary>
public sealed record FetchResult
{
    /// <summary>The URL that was asked for.</summary>
    public required Uri RequestedUrl { get; init; }

    /// <summary>The URL that answered, after redirects; equal to <see cref="RequestedUrl"/> when there were none.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>The final HTTP status: 2xx, or 304 when <see cref="NotModified"/>.</summary>
    public required int StatusCode { get; init; }

    /// <summary>
    /// The media type from <c>Content-Type</c>, lowercased without parameters; <c>application/octet-stream</c> when absent
    /// (as it usually is on a 304).
    /// </summary>
    public required string MediaType { get; init; }

    /// <summary>The lowercased <c>charset</c> parameter of <c>Content-Type</c>, or null when the header declares none.</summary>
    public string? Charset { get; init; }

    /// <summary>
    /// True when a conditional fetch (see <see cref="FetchConditions"/>) was answered 304 Not Modified:
    /// <see cref="Content"/> is then empty and the caller keeps what it already has.
    /// </summary>
    public bool NotModified { get; init; }

    /// <summary>The body, decompressed, at most <see cref="HttpFetchOptions.MaxBytes"/> long; empty when <see cref="NotModified"/>.</summary>
    public required byte[] Content { get; init; }

    /// <summary>
    /// The <c>ETag</c> exactly as sent (quotes and <c>W/</c> kept), for a later <c>If-None-Match</c>.
    /// On a 304 it is the one the 304 carried, else the one that was sent.
    /// </summary>
    public string? ETag { get; init; }

    /// <summary>
    /// The <c>Last-Modified</c> header, for a later <c>If-Modified-Since</c>.
    /// On a 304 it is the one the 304 carried, else the one that was sent.
    /// </summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>A few useful response headers (see <see cref="ResponseHeaders.Kept"/>), keyed case-insensitively.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>When the response was complete, from the fetcher's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset FetchedAt { get; init; }
}
