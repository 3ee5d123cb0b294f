using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Core.Pipeline;

/// <summary>
/// Works the persisted job queue until nothing is due: claims a batch, runs each item through the steps its
/// state still needs (items in parallel, bounded), and persists the whole batch in one transaction. A crash
/// loses at most the batch in flight, whose jobs the next run recovers and redoes (steps are idempotent). Index
/// entries may be held back across batches (<see cref="IndexWrites.Deferred"/>) and are flushed when the run ends.
/// The caller must hold the worker lock so only one process works the queue.
/// </summary>
public sealed class PipelineRunner(IItemStore store, IBlobStore blobs, IReadOnlyList<IPipelineStep> steps, PipelineOptions options, TimeProvider time)
{
    private static readonly TimeSpan ProducerPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>Works the queue until nothing is due and, when given, <paramref name="producer"/> has finished adding work.</summary>
    public async Task<PipelineReport> RunAsync(IProgress<PipelineProgress>? progress, CancellationToken cancellationToken, Task? producer = null)
    {
        var report = new PipelineReport();
        await store.RecoverInterruptedJobsAsync(cancellationToken).ConfigureAwait(false);
        var total = await store.CountPendingJobsAsync(cancellationToken).ConfigureAwait(false);
        var done = 0;
        progress?.Report(new PipelineProgress(0, total));

        // Batch n is processed (CPU, all cores) while batch n - 1 commits (one writer), so neither waits on the other.
        try
        {
            // Whether the producer had finished before the last claim: only then does an empty claim mean "done"
            // (it may record its last items between a claim and the check after it).
            var producerDone = producer is null || producer.IsCompleted;
            var claimed = await ClaimAsync(cancellationToken).ConfigureAwait(false);
            var committing = Task.CompletedTask;
            while (claimed.Length > 0 || !producerDone)
            {
                if (claimed.Length == 0)
                {
                    // The producer is still collecting: wait a moment for it to record more.
                    await Task.WhenAny(producer!, Task.Delay(ProducerPoll, cancellationToken)).ConfigureAwait(false);
                    producerDone = producer!.IsCompleted;
                    claimed = await ClaimAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var batch = claimed;
                var failures = new PipelineFailure?[batch.Length];
                var processing = Parallel.ForAsync(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                    async (index, token) => failures[index] = await RunStepsAsync(batch[index], token).ConfigureAwait(false));
                await committing.ConfigureAwait(false);
                await processing.ConfigureAwait(false);
                producerDone = producer is null || producer.IsCompleted;
                claimed = await ClaimAsync(cancellationToken).ConfigureAwait(false);
                // The store's calls complete synchronously (SQLite has no async I/O), so the commit gets its own thread.
                committing = Task.Run(() => CommitAsync(batch, failures, cancellationToken), cancellationToken);
            }

            await committing.ConfigureAwait(false);
        }
        finally
        {
            // Index entries held back across batches are written even when the run is stopped or fails: another
            // process may be about to search for items this run marked indexed.
            await store.FlushIndexAsync(CancellationToken.None).ConfigureAwait(false);
        }

        total = Math.Max(total, done);
        return report;

        async Task CommitAsync(PipelineContext[] batch, PipelineFailure?[] failures, CancellationToken token)
        {
            await blobs.SyncAsync(token).ConfigureAwait(false);
            var results = batch.Select(context => new ProcessedItem(context.Item, context.Index, context.Snapshot, context.DuplicateOf?.Id, context.Enrichment, context.Chunks, context.Summary, context.IndexTerms)).ToArray();
            await store.CompleteJobsAsync(results, IndexWrites.Deferred, token).ConfigureAwait(false);
            for (var index = 0; index < batch.Length; index++)
            {
                report.Add(batch[index], failures[index]);
            }

            done += batch.Length;
            total = Math.Max(total, await store.CountPendingJobsAsync(token).ConfigureAwait(false) + done);
            progress?.Report(new PipelineProgress(done, total));
        }
    }

    private async Task<PipelineContext[]> ClaimAsync(CancellationToken cancellationToken) =>
        (await store.ClaimJobsAsync(options.BatchSize, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            .Select(item => new PipelineContext(item)).ToArray();

    private async Task<PipelineFailure?> RunStepsAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            if (context.Item.State != step.From)
            {
                continue;
            }

            StepResult result;
            try
            {
                result = await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bug in one step must not sink the batch: record it on the item like any failure.
                result = StepResult.Failed($"internal error in {step.Name}: {exception.GetType().Name}: {exception.Message}");
            }

            switch (result.Outcome)
            {
                case StepOutcome.Stop:
                    return null;
                case StepOutcome.TransientFailure or StepOutcome.PermanentFailure:
                    var transient = result.Outcome == StepOutcome.TransientFailure;
                    context.Item = context.Item with { Error = result.Error, ErrorIsTransient = transient };
                    return new PipelineFailure(context.Item.Id, Origin(context.Item), step.Name, result.Error ?? "failed", transient);
                default:
                    context.Item = context.Item with { Error = null, ErrorIsTransient = false };
                    break;
            }
        }

        return null;
    }

    private static string Origin(Item item) => item.SourcePath ?? item.Url ?? item.DisplayTitle;
}

/// <summary>How the pipeline works the queue.</summary>
public sealed class PipelineOptions
{
    /// <summary>Items claimed and committed together.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>Items processed at once within a batch (at least 4, so fetches waiting on the network overlap).</summary>
    public int Concurrency { get; set; } = Math.Max(4, Environment.ProcessorCount);
}
