namespace Strata.Sources.Http;

/// <summary>
/// Limits and identity for <see cref="HttpFetcher"/>, bound from the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class HttpFetchOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Fetch";

    /// <summary>The default size cap: 100 MB, the same limit that applies to imported files.</summary>
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    /// <summary>The default <c>User-Agent</c>; it names the project so site owners can find us.</summary>
    public const string DefaultUserAgent = "Strata/0.1 (+https://github.com/strata-kb/strata; personal knowledge base)";

    /// <summary>The whole fetch, redirects and body included, must finish within this time.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Establishing one TCP (and TLS) connection must finish within this time.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest body accepted, counted after decompression.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>How many redirects one fetch follows before it fails.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>The <c>User-Agent</c> header sent with every request.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> when a value is unusable.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes, nameof(MaxBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRedirects, nameof(MaxRedirects));
        ArgumentException.ThrowIfNullOrWhiteSpace(UserAgent, nameof(UserAgent));
    }
}
