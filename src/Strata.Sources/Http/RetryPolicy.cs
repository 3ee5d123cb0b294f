namespace Strata.Sources.Http;

/// <summary>
/// Retries of transient fetch failures, and the back-off of sources that keep failing.
/// <see cref="ExecuteAsync{T}"/> retries only <see cref="FetchException"/>s with <see cref="FetchException.IsTransient"/>,
/// at most <see cref="RetryOptions.MaxAttempts"/> tries in all, waiting the server's <c>Retry-After</c> when it gave one and
/// otherwise a random delay between zero and an exponentially growing ceiling ("full jitter"); every wait is capped by
/// <see cref="RetryOptions.MaxDelay"/>. Thread-safe.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Doubling stops here; 2^30 times any sensible base is far past every cap.</summary>
    private const int MaxDoublings = 30;

    private readonly RetryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;

    /// <param name="options">Limits; validated here (throws <see cref="ArgumentException"/> when unusable).</param>
    /// <param name="timeProvider">Timers for the waits between tries.</param>
    /// <param name="random">Source of jitter; pass a seeded one in tests. Used under a lock, so it need not be thread-safe.</param>
    public RetryPolicy(RetryOptions options, TimeProvider? timeProvider = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _random = random ?? new Random();
    }

    /// <summary>
    /// Runs <paramref name="action"/>, again after a wait when it throws a transient <see cref="FetchException"/>.
    /// The last failure, and every other exception, propagates unchanged (same instance, same stack).
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled during a wait.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(ct).ConfigureAwait(false);
            }
            catch (FetchException ex) when (ex.IsTransient && attempt < _options.MaxAttempts)
            {
                var wait = DelayBeforeRetry(attempt, ex.RetryAfter);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, ct).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// The wait after the <paramref name="failedAttempts"/>-th failed try: <paramref name="retryAfter"/> when the server
    /// sent one, else uniformly random in [0, min(<see cref="RetryOptions.MaxDelay"/>, BaseDelay × 2^(failedAttempts − 1))];
    /// never more than <see cref="RetryOptions.MaxDelay"/>.
    /// </summary>
    public TimeSpan DelayBeforeRetry(int failedAttempts, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failedAttempts);
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : Min(asked, _options.MaxDelay);
        }

        var ceiling = Doubled(_options.BaseDelay, failedAttempts - 1, _options.MaxDelay);
        double fraction;
        lock (_random)
        {
            fraction = _random.NextDouble();
        }

        return TimeSpan.FromTicks((long)(ceiling.Ticks * fraction));
    }

    /// <summary>
    /// How long to leave a <em>source</em> alone after <paramref name="consecutiveFailures"/> failed runs in a row, for the
    /// scheduler rather than for one fetch: zero after none, <see cref="RetryOptions.SourceBackoffBase"/> (5 min) after one,
    /// doubling with each further failure (10 min, 20 min, …) up to <see cref="RetryOptions.SourceBackoffMax"/> (24 h).
    /// No jitter: the source's own schedule spreads runs out. Pure.
    /// </summary>
    public TimeSpan BackoffFor(int consecutiveFailures)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(consecutiveFailures);
        return consecutiveFailures == 0
            ? TimeSpan.Zero
            : Doubled(_options.SourceBackoffBase, consecutiveFailures - 1, _options.SourceBackoffMax);
    }

    /// <summary><paramref name="value"/> × 2^<paramref name="doublings"/>, capped at <paramref name="cap"/> without overflowing.</summary>
    private static TimeSpan Doubled(TimeSpan value, int doublings, TimeSpan cap)
    {
        var ticks = value.Ticks * Math.Pow(2, Math.Min(doublings, MaxDoublings));
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
