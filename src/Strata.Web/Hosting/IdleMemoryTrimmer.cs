using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Strata.Hosting;

namespace Strata.Web.Hosting;

/// <summary>
/// Gives memory back once the server has been quiet for <see cref="Quiet"/> after serving requests: a burst of
/// searches grows the GC heap and the store's pooled connections (each with its page cache), which would otherwise
/// stay resident for as long as the server idles. One compacting collection per burst costs tens of milliseconds.
/// </summary>
public sealed class IdleMemoryTrimmer(KnowledgeBase knowledgeBase, TimeProvider time) : BackgroundService
{
    /// <summary>How long without a request before memory is trimmed.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(500);

    private long _inFlight;
    private long _lastActivityTicks;
    private int _workSinceTrim;

    /// <summary>Trims done so far (for tests and diagnostics).</summary>
    public int Trims { get; private set; }

    /// <summary>Counts a request in flight until <see cref="Leave"/>.</summary>
    public void Enter()
    {
        Interlocked.Increment(ref _inFlight);
        Volatile.Write(ref _workSinceTrim, 1);
    }

    public void Leave()
    {
        Interlocked.Exchange(ref _lastActivityTicks, time.GetUtcNow().UtcTicks);
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>Trims when requests were served since the last trim, none is in flight, and the last ended long enough ago.</summary>
    public bool TrimIfIdle()
    {
        var quietFor = time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastActivityTicks);
        if (Volatile.Read(ref _workSinceTrim) == 0 || Interlocked.Read(ref _inFlight) > 0 || quietFor < Quiet.Ticks)
        {
            return false;
        }

        Volatile.Write(ref _workSinceTrim, 0);
        knowledgeBase.ReleaseIdleMemory();
        Trims++;
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                TrimIfIdle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}

/// <summary>Wires <see cref="IdleMemoryTrimmer"/> into the request pipeline.</summary>
public static class IdleMemoryTrimmerExtensions
{
    public static IApplicationBuilder UseIdleMemoryTrimmer(this IApplicationBuilder app, IdleMemoryTrimmer trimmer) => app.Use(async (context, next) =>
    {
        trimmer.Enter();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            trimmer.Leave();
        }
    });
}
