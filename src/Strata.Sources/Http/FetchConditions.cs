namespace Strata.Sources.Http;

/// <summary>
/// Validators from an earlier fetch, sent as <c>If-None-Match</c> and <c>If-Modified-Since</c> so an unchanged
/// resource costs a 304 instead of a body. Either or both may be null; with both null nothing is sent.
/// </summary>
/// <param name="ETag">The earlier <c>ETag</c> exactly as the server sent it (quotes and <c>W/</c> kept).</param>
/// <param name="LastModified">The earlier <c>Last-Modified</c>.</param>
public sealed record FetchConditions(string? ETag, DateTimeOffset? LastModified)
{
    /// <summary>True when there is at least one validator to send.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(ETag) && LastModified is null;

    /// <summary>The validators of <paramref name="previous"/>, or null when it had none.</summary>
    public static FetchConditions? From(FetchResult previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var conditions = new FetchConditions(previous.ETag, previous.LastModified);
        return conditions.IsEmpty ? null : conditions;
    }
}
