namespace Strata.Sources.Http;

/// <summary>
/// How politely automatic fetching behaves, bound from the configuration section <see cref="SectionName"/>
/// (the same section as <see cref="HttpFetchOptions"/>; retries under <c>Fetch:Retry</c>, robots.txt under <c>Fetch:Robots</c>).
/// </summary>
public sealed class PolitenessOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = HttpFetchOptions.SectionName;

    /// <summary>At most this many requests to one host run at the same time.</summary>
    public int MaxConcurrentPerHost { get; set; } = 2;

    /// <summary>At least this long passes between the starts of two requests to one host.</summary>
    public TimeSpan MinDelayPerHost { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries of transient failures and the back-off of failing sources.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>How robots.txt files are fetched and cached.</summary>
    public RobotsOptions Robots { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is unusable.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentPerHost, nameof(MaxConcurrentPerHost));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinDelayPerHost, TimeSpan.Zero, nameof(MinDelayPerHost));
        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        ArgumentNullException.ThrowIfNull(Robots, nameof(Robots));
        Retry.Validate();
        Robots.Validate();
    }
}
