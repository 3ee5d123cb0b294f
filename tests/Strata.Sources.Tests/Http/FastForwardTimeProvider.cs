namespace Strata.Sources.Tests.Http;

/// <summary>
/// A manual clock whose timers fire at once and move the clock forward by their due time, so code that waits finishes
/// immediately while the clock shows the wait. Every due time is recorded in <see cref="Delays"/>. Do not hand it to an
/// <see cref="Strata.Sources.Http.HttpFetcher"/>: its timeout would fire at once.
/// </summary>
internal sealed class FastForwardTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = start;

    public FastForwardTimeProvider()
        : this(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due times of the timers created so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_lock)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_lock)
            {
                _delays.Add(dueTime);
                _now += dueTime;
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
