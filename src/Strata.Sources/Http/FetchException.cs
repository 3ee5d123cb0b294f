namespace Strata.Sources.Http;

/// <summary>
/// A fetch that failed. <see cref="Exception.Message"/> is one line fit to show a user, ending in the URL.
/// <see cref="IsTransient"/> tells the pipeline whether a later retry may succeed (timeouts, 5xx, 408, 429,
/// refused or dropped connections) or the failure should be recorded as final (4xx, unknown host, size or type refused).
/// </summary>
public sealed class FetchException : Exception
{
    public FetchException()
        : this("fetch failed", new Uri("about:blank"), statusCode: null, isTransient: false)
    {
    }

    public FetchException(string message)
        : this(message, new Uri("about:blank"), statusCode: null, isTransient: false)
    {
    }

    public FetchException(string message, Exception innerException)
        : this(message, new Uri("about:blank"), statusCode: null, isTransient: false, innerException: innerException)
    {
    }

    public FetchException(
        string message,
        Uri url,
        int? statusCode,
        bool isTransient,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Url = url;
        StatusCode = statusCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// The URL whose request failed: a later hop's URL when a redirected request failed there, the requested URL
    /// for redirect loops and too many redirects.
    /// </summary>
    public Uri Url { get; }

    /// <summary>The HTTP status when the server answered with an error, otherwise null.</summary>
    public int? StatusCode { get; }

    /// <summary>True when retrying later may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>How long the server asked us to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
