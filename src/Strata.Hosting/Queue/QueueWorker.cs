namespace Strata.Hosting.Queue;

/// <summary>
/// Works a knowledge base's job queue without the web server (<c>strata worker</c>). On PostgreSQL any number run
/// at once, on any machines, each leasing its own jobs; on SQLite one holds the queue and the others wait.
/// </summary>
public sealed class QueueWorker(KnowledgeBase kb, TimeProvider time)
{
    /// <summary>Runs until <paramref name="stop"/>, or (with <paramref name="untilEmpty"/>) until no job is pending or leased.</summary>
    /// <param name="untilEmpty">Stop once the queue is empty, jobs leased to other workers included (they may come back when a lease runs out).</param>
    /// <param name="idle">How long to wait when nothing is due.</param>
    /// <param name="stop">Stops between batches.</param>
    /// <returns>How many items this worker processed.</returns>
    public async Task<int> RunAsync(bool untilEmpty, TimeSpan idle, CancellationToken stop)
    {
        var processed = 0;
        while (!stop.IsCancellationRequested)
        {
            var report = await kb.ProcessQueueAsync(null, stop).ConfigureAwait(false);
            processed += report.Processed;
            if (untilEmpty && (await kb.StatisticsAsync(stop).ConfigureAwait(false)).PendingJobs == 0)
            {
                break;
            }

            if (report.Processed == 0)
            {
                try
                {
                    await Task.Delay(idle, time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return processed;
    }
}
