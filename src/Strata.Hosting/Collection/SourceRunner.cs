using System.Diagnostics;
using Strata.Core.Sources;
using Strata.Core.Storage;
using Strata.Sources.Http;

namespace Strata.Hosting.Collection;

/// <summary>
/// Runs sources: one at a time or all that are due, several at once. Records each run, updates the source's
/// health and schedules its next run — on its schedule after a success, later and later after failures, so a
/// broken source is not hammered. Thread-safe.
/// </summary>
public sealed class SourceRunner(ISourceStore store, IReadOnlyList<ISourceCollector> collectors, RetryPolicy retry, RunLog log, TimeProvider time)
{
    private const int ParallelSources = 8;

    /// <summary>Runs every due source; returns each with its state after the run.</summary>
    public async Task<IReadOnlyList<(Source Source, SourceRunResult Outcome)>> RunDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.ListDueSourcesAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var results = new (Source, SourceRunResult)[due.Count];
        await Parallel.ForAsync(0, due.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelSources, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await RunAsync(due[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    /// <summary>Runs one source now; returns its state after the run, and what the run did.</summary>
    public async Task<(Source Source, SourceRunResult Outcome)> RunAsync(Source source, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var collector = collectors.FirstOrDefault(candidate => candidate.Type == source.Type);
        CollectResult? collected = null;
        string? error;
        try
        {
            collected = collector is null
                ? throw new InvalidOperationException($"no collector for {source.Type} sources")
                : await collector.CollectAsync(source, cancellationToken).ConfigureAwait(false);
            error = null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A source failing is data, not a crash: it goes on the source's health line.
            error = exception.Message;
        }

        var result = collected is null
            ? new SourceRunResult(0, 0, 0, 0, clock.Elapsed, error)
            : new SourceRunResult(collected.New, collected.Updated, collected.Unchanged, collected.Failed, clock.Elapsed);
        var fresh = await store.GetSourceAsync(source.Id, cancellationToken).ConfigureAwait(false) ?? source;
        var failures = error is null ? 0 : fresh.ConsecutiveFailures + 1;
        var next = fresh.Schedule.Next(started);
        if (error is not null && started + retry.BackoffFor(failures) > next)
        {
            next = started + retry.BackoffFor(failures);
        }

        var updated = fresh with
        {
            LastRunAt = started,
            LastSuccessAt = error is null ? started : fresh.LastSuccessAt,
            LastError = error,
            ConsecutiveFailures = failures,
            ItemsCollected = fresh.ItemsCollected + result.New,
            NextRunAt = next,
            Cursor = collected?.Cursor ?? fresh.Cursor,
            Name = fresh.Name ?? collected?.Name,
        };
        await store.SaveSourceAsync(updated, cancellationToken).ConfigureAwait(false);
        await store.RecordRunAsync(source.Id, started, result, cancellationToken).ConfigureAwait(false);
        log.SourceRun(updated, result, collected?.Problems ?? []);
        return (updated, result);
    }
}
