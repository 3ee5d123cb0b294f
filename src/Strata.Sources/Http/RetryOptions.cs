namespace Strata.Sources.Http;

/// <summary>Limits for <see cref="RetryPolicy"/>: immediate retries of one fetch, and the back-off of a failing source.</summary>
public sealed class RetryOptions
{
    /// <summary>How many times one fetch is tried in all (1 means no retry).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The ceiling of the first retry's random delay; it doubles with each further retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No retry waits longer than this, even when the server's <c>Retry-After</c> asks for more.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a source waits after its first failed run; doubles with each consecutive failure.</summary>
    public TimeSpan SourceBackoffBase { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest a failing source is left alone before it is tried again.</summary>
    public TimeSpan SourceBackoffMax { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is unusable.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxAttempts, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(SourceBackoffBase, TimeSpan.Zero, nameof(SourceBackoffBase));
        ArgumentOutOfRangeException.ThrowIfLessThan(SourceBackoffMax, SourceBackoffBase, nameof(SourceBackoffMax));
    }
}
