using Strata.Sources.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

public sealed class HostPolitenessTests
{
    private static readonly Uri HostA = new("http://a.example/feed");
    private static readonly Uri HostB = new("http://b.example/feed");

    [Fact]
    public async Task AcquireAsync_SameHostInSequence_WaitsMinDelayBetweenStarts()
    {
        var clock = new FastForwardTimeProvider();
        var politeness = Create(maxConcurrent: 2, minDelay: TimeSpan.FromSeconds(1), clock);

        for (var i = 0; i < 3; i++)
        {
            await (await politeness.AcquireAsync(HostA, CancellationToken.None)).DisposeAsync();
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], clock.Delays);
    }

    [Fact]
    public async Task AcquireAsync_DifferentHosts_DoNotWaitForEachOther()
    {
        var clock = new FastForwardTimeProvider();
        var politeness = Create(maxConcurrent: 1, minDelay: TimeSpan.FromSeconds(1), clock);

        await using var a = await politeness.AcquireAsync(HostA, CancellationToken.None);
        await using var b = await politeness.AcquireAsync(HostB, CancellationToken.None);

        Assert.Empty(clock.Delays);
        Assert.Equal(2, politeness.TrackedHosts);
    }

    [Fact]
    public async Task AcquireAsync_HostNameCase_CountsAsSameHost()
    {
        var clock = new FastForwardTimeProvider();
        var politeness = Create(maxConcurrent: 2, minDelay: TimeSpan.FromSeconds(1), clock);

        await (await politeness.AcquireAsync(new Uri("http://A.Example:8080/x"), CancellationToken.None)).DisposeAsync();
        await (await politeness.AcquireAsync(HostA, CancellationToken.None)).DisposeAsync();

        Assert.Equal([TimeSpan.FromSeconds(1)], clock.Delays);
    }

    [Fact]
    public async Task AcquireAsync_TwoHundredHostsAtOnce_DoNotSerialize()
    {
        var politeness = Create(maxConcurrent: 1, minDelay: TimeSpan.FromSeconds(30), TimeProvider.System);
        var urls = Enumerable.Range(0, 200).Select(i => new Uri($"http://host{i}.example/")).ToList();

        var leases = await Task.WhenAll(urls.Select(url => politeness.AcquireAsync(url, CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(200, politeness.TrackedHosts);
        foreach (var lease in leases)
        {
            await lease.DisposeAsync();
        }
    }

    [Fact]
    public async Task AcquireAsync_CapReached_WaitsUntilASlotIsReleased()
    {
        var politeness = Create(maxConcurrent: 2, minDelay: TimeSpan.Zero, TimeProvider.System);
        var first = await politeness.AcquireAsync(HostA, CancellationToken.None);
        await using var second = await politeness.AcquireAsync(HostA, CancellationToken.None);

        var third = politeness.AcquireAsync(HostA, CancellationToken.None);
        await Task.Delay(100);
        var waitedWhileFull = !third.IsCompleted;
        await first.DisposeAsync();
        await using var thirdLease = await third.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(waitedWhileFull);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_HoldsNoSlot()
    {
        var politeness = Create(maxConcurrent: 1, minDelay: TimeSpan.Zero, TimeProvider.System);
        var held = await politeness.AcquireAsync(HostA, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => politeness.AcquireAsync(HostA, cancel.Token));
        await held.DisposeAsync();
        await using var next = await politeness.AcquireAsync(HostA, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, politeness.TrackedHosts);
    }

    [Fact]
    public async Task AcquireAsync_ManyIdleHosts_AreForgottenOnceTheirDelayPassed()
    {
        var clock = new FastForwardTimeProvider();
        var politeness = Create(maxConcurrent: 2, minDelay: TimeSpan.FromSeconds(1), clock);
        for (var i = 0; i < 10_000; i++)
        {
            await (await politeness.AcquireAsync(new Uri($"http://host{i}.example/"), CancellationToken.None)).DisposeAsync();
        }

        var trackedWhileRecent = politeness.TrackedHosts;
        clock.Advance(TimeSpan.FromMinutes(1));
        await (await politeness.AcquireAsync(HostA, CancellationToken.None)).DisposeAsync();

        Assert.Equal(10_000, trackedWhileRecent);
        Assert.Equal(1, politeness.TrackedHosts);
    }

    [Fact]
    public async Task DisposeAsync_Twice_ReleasesOnce()
    {
        var politeness = Create(maxConcurrent: 1, minDelay: TimeSpan.Zero, TimeProvider.System);
        var lease = await politeness.AcquireAsync(HostA, CancellationToken.None);
        await lease.DisposeAsync();
        await lease.DisposeAsync();

        await using var first = await politeness.AcquireAsync(HostA, CancellationToken.None);
        var second = politeness.AcquireAsync(HostA, CancellationToken.None);
        await Task.Delay(50);

        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await (await second).DisposeAsync();
    }

    private static HostPoliteness Create(int maxConcurrent, TimeSpan minDelay, TimeProvider clock) =>
        new(new PolitenessOptions { MaxConcurrentPerHost = maxConcurrent, MinDelayPerHost = minDelay }, clock);
}
