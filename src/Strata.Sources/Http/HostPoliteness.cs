namespace Strata.Sources.Http;

/// <summary>
/// Per-host politeness: at most <see cref="PolitenessOptions.MaxConcurrentPerHost"/> requests to one host at a time, and
/// at least <see cref="PolitenessOptions.MinDelayPerHost"/> between the starts of two requests to it. Hosts are compared
/// by name, case-insensitively, without the port (<c>127.0.0.1</c> and <c>localhost</c> are different hosts).
/// Different hosts never wait for each other: the shared lock is held only for dictionary updates, never across a wait.
/// A host is forgotten once nobody holds or awaits a slot and its delay has passed, so memory follows the hosts in use.
/// Thread-safe; share one instance per process.
/// </summary>
public sealed class HostPoliteness
{
    /// <summary>How often idle hosts whose delay had not yet passed when released are swept out.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, HostState> _hosts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly int _maxConcurrent;
    private readonly TimeSpan _minDelay;
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _nextSweep;

    /// <param name="options">Limits; validated here (throws <see cref="ArgumentException"/> when unusable).</param>
    /// <param name="timeProvider">Clock and timers for the delay between requests.</param>
    public HostPoliteness(PolitenessOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _maxConcurrent = options.MaxConcurrentPerHost;
        _minDelay = options.MinDelayPerHost;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _nextSweep = _timeProvider.GetUtcNow() + SweepInterval;
    }

    /// <summary>How many hosts are remembered right now (in use, or released less than the delay ago). For diagnostics and tests.</summary>
    public int TrackedHosts
    {
        get
        {
            lock (_lock)
            {
                return _hosts.Count;
            }
        }
    }

    /// <summary>
    /// Waits for a slot for <paramref name="url"/>'s host and for the delay since the previous start there.
    /// Dispose the returned lease when the request is complete (idempotent). Throws only
    /// <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled, then holding nothing.
    /// </summary>
    public async Task<IAsyncDisposable> AcquireAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        }

        var key = url.IdnHost.ToLowerInvariant();
        var host = Enter(key);
        var holdsSlot = false;
        try
        {
            await host.Slots.WaitAsync(ct).ConfigureAwait(false);
            holdsSlot = true;
            await WaitForTurnAsync(host, ct).ConfigureAwait(false);
            return new Lease(this, key, host);
        }
        catch
        {
            Leave(key, host, holdsSlot);
            throw;
        }
    }

    /// <summary>
    /// Waits until the delay since the host's previous start has passed, then claims "now" as this start. Claiming the
    /// actual start (not a reserved slot) keeps starts apart even when a timer fires late; only slot holders loop here.
    /// </summary>
    private async Task WaitForTurnAsync(HostState host, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _timeProvider.GetUtcNow();
                if (now >= host.NextStart)
                {
                    host.NextStart = now + _minDelay;
                    return;
                }

                wait = host.NextStart - now;
            }

            await Task.Delay(wait, _timeProvider, ct).ConfigureAwait(false);
        }
    }

    private HostState Enter(string key)
    {
        lock (_lock)
        {
            SweepIfDue();
            if (!_hosts.TryGetValue(key, out var host))
            {
                host = new HostState(_maxConcurrent);
                _hosts.Add(key, host);
            }

            host.Users++;
            return host;
        }
    }

    private void Leave(string key, HostState host, bool holdsSlot)
    {
        if (holdsSlot)
        {
            host.Slots.Release();
        }

        lock (_lock)
        {
            host.Users--;
            if (host.Users == 0 && host.NextStart <= _timeProvider.GetUtcNow())
            {
                _hosts.Remove(key);
            }
        }
    }

    /// <summary>Forgets hosts nobody uses whose delay has passed; called under the lock, at most once per interval.</summary>
    private void SweepIfDue()
    {
        var now = _timeProvider.GetUtcNow();
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepInterval;
        foreach (var (key, host) in _hosts)
        {
            if (host.Users == 0 && host.NextStart <= now)
            {
                _hosts.Remove(key);
            }
        }
    }

    /// <summary>One host's slots and schedule. <see cref="Users"/> and <see cref="NextStart"/> change only under the lock.</summary>
    private sealed class HostState(int maxConcurrent)
    {
        public SemaphoreSlim Slots { get; } = new(maxConcurrent, maxConcurrent);

        public int Users { get; set; }

        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Lease(HostPoliteness owner, string key, HostState host) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Leave(key, host, holdsSlot: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}
