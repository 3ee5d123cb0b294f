namespace Strata.Sources.Http;

/// <summary>
/// <see cref="HttpFetcher"/> with manners: for <see cref="FetchPurpose.Automatic"/> fetches robots.txt is consulted first,
/// every try waits its turn in <see cref="HostPoliteness"/>, and transient failures are retried by <see cref="RetryPolicy"/>
/// (the wait between tries holds no host slot). Politeness and robots.txt apply to the requested URL's host, not to the
/// hosts of redirects. Thread-safe; share one instance.
/// </summary>
public sealed class PoliteFetcher
{
    private readonly HttpFetcher _fetcher;
    private readonly HostPoliteness _politeness;
    private readonly RobotsCache _robots;
    private readonly RetryPolicy _retry;

    /// <summary>Composes the parts from one set of options; the fetcher stays owned by the caller.</summary>
    public PoliteFetcher(HttpFetcher fetcher, PolitenessOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _fetcher = fetcher;
        _politeness = new HostPoliteness(options, timeProvider);
        _robots = new RobotsCache(fetcher, options.Robots, _politeness, timeProvider);
        _retry = new RetryPolicy(options.Retry, timeProvider);
    }

    /// <summary>Composes given parts, for callers that share them (or tests that fake one).</summary>
    public PoliteFetcher(HttpFetcher fetcher, HostPoliteness politeness, RobotsCache robots, RetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(politeness);
        ArgumentNullException.ThrowIfNull(robots);
        ArgumentNullException.ThrowIfNull(retry);
        _fetcher = fetcher;
        _politeness = politeness;
        _robots = robots;
        _retry = retry;
    }

    /// <summary>
    /// Fetches <paramref name="url"/> like <see cref="HttpFetcher.FetchAsync(Uri, FetchConditions?, CancellationToken)"/>.
    /// Throws <see cref="FetchException"/> (not transient, message <c>blocked by robots.txt: {url}</c>) when an automatic
    /// fetch is disallowed, and the last <see cref="FetchException"/> when every try failed;
    /// <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, FetchConditions? conditions, FetchPurpose purpose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (purpose == FetchPurpose.Automatic && !await _robots.IsAllowedAsync(url, ct).ConfigureAwait(false))
        {
            throw new FetchException($"blocked by robots.txt: {url}", url, statusCode: null, isTransient: false);
        }

        return await _retry.ExecuteAsync(
            async attemptCt =>
            {
                var lease = await _politeness.AcquireAsync(url, attemptCt).ConfigureAwait(false);
                await using (lease.ConfigureAwait(false))
                {
                    return await _fetcher.FetchAsync(url, conditions, attemptCt).ConfigureAwait(false);
                }
            },
            ct).ConfigureAwait(false);
    }
}
