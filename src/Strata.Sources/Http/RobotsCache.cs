using System.Collections.Concurrent;

namespace Strata.Sources.Http;

/// <summary>
/// The robots.txt of each origin (scheme, host and port), fetched once through the <see cref="HttpFetcher"/> (and the
/// <see cref="HostPoliteness"/> when given) and kept for <see cref="RobotsOptions.CacheDuration"/>. Per RFC 9309: a 4xx
/// (or no robots.txt) allows everything; a 5xx or network failure disallows everything until
/// <see cref="RobotsOptions.ErrorCacheDuration"/> has passed; only the first <see cref="RobotsOptions.MaxBytes"/> are parsed.
/// Concurrent callers for one origin share one fetch. Thread-safe; never throws <see cref="FetchException"/>.
/// </summary>
public sealed class RobotsCache
{
    private readonly HttpFetcher _fetcher;
    private readonly RobotsOptions _options;
    private readonly HostPoliteness? _politeness;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <param name="fetcher">Fetches the robots.txt files; its <c>User-Agent</c> picks the groups that apply.</param>
    /// <param name="options">Cache durations and size cap; validated here.</param>
    /// <param name="politeness">When given, robots.txt requests wait their turn like any other request to the host.</param>
    /// <param name="timeProvider">Clock for expiry.</param>
    public RobotsCache(HttpFetcher fetcher, RobotsOptions options, HostPoliteness? politeness = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _fetcher = fetcher;
        _options = options;
        _politeness = politeness;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// True when the robots.txt of <paramref name="url"/>'s origin lets this fetcher's user agent fetch its path and query.
    /// Throws only <see cref="OperationCanceledException"/> (the shared fetch itself goes on for other callers).
    /// </summary>
    public async Task<bool> IsAllowedAsync(Uri url, CancellationToken ct)
    {
        var robots = await GetAsync(url, ct).ConfigureAwait(false);
        return robots.IsAllowed(url.PathAndQuery, _fetcher.UserAgent);
    }

    /// <summary>The robots.txt in force for <paramref name="url"/>'s origin, fetched when missing or expired.</summary>
    public async Task<RobotsTxt> GetAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        }

        var origin = url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        while (true)
        {
            if (_entries.TryGetValue(origin, out var current) && !current.IsExpired(_timeProvider.GetUtcNow()))
            {
                return await current.Loaded.Task.WaitAsync(ct).ConfigureAwait(false);
            }

            var fresh = new Entry();
            var won = current is null ? _entries.TryAdd(origin, fresh) : _entries.TryUpdate(origin, fresh, current);
            if (won)
            {
                TrimIfFull();
                _ = FillAsync(fresh, new Uri(origin + "/robots.txt"));
                return await fresh.Loaded.Task.WaitAsync(ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Loads one robots.txt into <paramref name="entry"/>; not tied to any caller's cancellation.</summary>
    private async Task FillAsync(Entry entry, Uri robotsUrl)
    {
        try
        {
            var (robots, lifetime) = await LoadAsync(robotsUrl).ConfigureAwait(false);
            entry.SetExpiry(_timeProvider.GetUtcNow() + lifetime);
            entry.Loaded.SetResult(robots);
        }
#pragma warning disable CA1031 // Anything unexpected fails this load only; the faulted entry counts as expired.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            entry.Loaded.SetException(ex);
        }
    }

    private async Task<(RobotsTxt Robots, TimeSpan Lifetime)> LoadAsync(Uri robotsUrl)
    {
        try
        {
            var lease = _politeness is null ? null : await _politeness.AcquireAsync(robotsUrl, CancellationToken.None).ConfigureAwait(false);
            try
            {
                var result = await _fetcher.FetchPrefixAsync(robotsUrl, _options.MaxBytes, CancellationToken.None).ConfigureAwait(false);
                return (RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(result.Content)), _options.CacheDuration);
            }
            finally
            {
                if (lease is not null)
                {
                    await lease.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        catch (FetchException ex) when (ex.IsTransient)
        {
            // Unreachable (5xx, 429, timeout, refused): RFC 9309 §2.3.1.4 says assume complete disallow, for now.
            return (RobotsTxt.DisallowAll, _options.ErrorCacheDuration);
        }
        catch (FetchException ex) when (ex.StatusCode is >= 400 and < 500)
        {
            // Unavailable (4xx): RFC 9309 §2.3.1.3 says there are no restrictions.
            return (RobotsTxt.AllowAll, _options.CacheDuration);
        }
        catch (FetchException)
        {
            // Unusable for other lasting reasons (unknown host, redirect loop, odd content type): no rules, checked again soon.
            return (RobotsTxt.AllowAll, _options.ErrorCacheDuration);
        }
    }

    /// <summary>Keeps at most <see cref="RobotsOptions.MaxOrigins"/> entries: expired ones go first, then the soonest to expire.</summary>
    private void TrimIfFull()
    {
        if (_entries.Count <= _options.MaxOrigins)
        {
            return;
        }

        var now = _timeProvider.GetUtcNow();
        var byExpiry = _entries.ToArray().OrderBy(e => e.Value.IsExpired(now) ? 0 : 1).ThenBy(e => e.Value.ExpiresAt).ToList();
        var excess = _entries.Count - (_options.MaxOrigins * 9 / 10);
        foreach (var (origin, entry) in byExpiry.Take(excess))
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(origin, entry));
        }
    }

    private sealed class Entry
    {
        private long _expiresAtTicks = DateTimeOffset.MaxValue.UtcTicks;

        public TaskCompletionSource<RobotsTxt> Loaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>When the entry goes stale; far in the future while it is still loading.</summary>
        public DateTimeOffset ExpiresAt => new(Interlocked.Read(ref _expiresAtTicks), TimeSpan.Zero);

        public void SetExpiry(DateTimeOffset at) => Interlocked.Exchange(ref _expiresAtTicks, at.UtcTicks);

        public bool IsExpired(DateTimeOffset now) =>
            Loaded.Task.IsFaulted || Loaded.Task.IsCanceled || ExpiresAt <= now;
    }
}
