namespace Strata.Sources.Http;

/// <summary>How <see cref="RobotsCache"/> fetches and keeps robots.txt files.</summary>
public sealed class RobotsOptions
{
    /// <summary>RFC 9309 asks crawlers to parse at least 500 KiB; anything after that is ignored.</summary>
    public const long DefaultMaxBytes = 500 * 1024;

    /// <summary>How long a fetched (or absent, 4xx) robots.txt is trusted; RFC 9309 advises at most 24 hours.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an unreachable robots.txt (5xx, network error) keeps its origin fully disallowed before it is tried again.
    /// </summary>
    public TimeSpan ErrorCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Only this many bytes of a robots.txt are read and parsed.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>At most this many origins are cached; expired entries go first, then the soonest to expire.</summary>
    public int MaxOrigins { get; set; } = 10_000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is unusable.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CacheDuration, TimeSpan.Zero, nameof(CacheDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ErrorCacheDuration, TimeSpan.Zero, nameof(ErrorCacheDuration));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes, nameof(MaxBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxOrigins, nameof(MaxOrigins));
    }
}
