using Strata.Core.Storage;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Whether keyword search ranks from the ranked index (true for stores without one: nothing to build).</summary>
    public Task<bool> IsRankedIndexCompleteAsync(CancellationToken cancellationToken) =>
        _store is IRankedIndexMaintenance maintenance ? maintenance.IsRankedIndexCompleteAsync(cancellationToken) : Task.FromResult(true);

    /// <summary>Whether the engine's full-text index still answers while the ranked index is incomplete (false once retired, and for stores without one).</summary>
    public Task<bool> KeepsFullTextFallbackAsync(CancellationToken cancellationToken) =>
        _store is IRankedIndexMaintenance maintenance ? maintenance.KeepsFullTextFallbackAsync(cancellationToken) : Task.FromResult(false);

    /// <summary>
    /// Indexes what a crashed run left pending, so items it marked indexed are searchable without waiting for the next
    /// run; only when no run holds the queue (a live run's pending documents are its own to write).
    /// </summary>
    private async Task IndexLeftPendingAsync(CancellationToken cancellationToken)
    {
        if (_sharedQueue || _store is not IRankedIndexMaintenance maintenance || !await maintenance.HasPendingDocumentsAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        using var workerLock = Queue.WorkerLock.TryAcquire(_data.QueueLockPath);
        if (workerLock is not null)
        {
            await maintenance.IndexLeftPendingAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Rebuilds the ranked keyword index from every indexed item (after upgrading a base made by an older version).</summary>
    public Task<int> RebuildRankedIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken) =>
        _store is IRankedIndexMaintenance maintenance ? maintenance.RebuildRankedIndexAsync(progress, cancellationToken) : Task.FromResult(0);
}
