using Strata.Core.Items;

namespace Strata.Core.Storage;

/// <summary>
/// The store contract every engine implements: items, their pipeline jobs and the keyword index.
/// Writes are transactional: an item and its job are created together, and a processed batch lands whole or
/// not at all, so a crash at any point leaves the store consistent and the queue resumable. Thread-safe.
/// </summary>
public interface IItemStore : IAsyncDisposable
{
    /// <summary>Creates the schema or migrates it to the current version; idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<Item?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Ids starting with <paramref name="prefix"/> (case-insensitive), at most <paramref name="max"/>; empty for prefixes under 6 characters.</summary>
    Task<IReadOnlyList<string>> FindIdsByPrefixAsync(string prefix, int max, CancellationToken cancellationToken);

    /// <summary>The existing item with these bytes or this canonical URL, if any.</summary>
    Task<ItemSummary?> FindDuplicateAsync(string? contentHash, string? canonicalUrl, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="canonicalUrls"/> some item already has (one query for a whole import batch).</summary>
    Task<IReadOnlySet<string>> FindKnownCanonicalUrlsAsync(IReadOnlyCollection<string> canonicalUrls, CancellationToken cancellationToken);

    /// <summary>Inserts items and queues a pipeline job for each, in one transaction.</summary>
    Task InsertAsync(IReadOnlyList<NewItem> items, CancellationToken cancellationToken);

    Task<IReadOnlyList<ItemSummary>> ListAsync(ItemFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>Adds and removes tags; returns the item's tags afterwards, or null when the item does not exist.</summary>
    Task<IReadOnlyList<ItemTag>?> UpdateTagsAsync(string id, IReadOnlyList<ItemTag> add, IReadOnlyList<string> remove, CancellationToken cancellationToken);

    /// <summary>Deletes an item, its tags, jobs and index entry; returns the hashes no other item references.</summary>
    Task<IReadOnlyList<string>?> DeleteAsync(string id, CancellationToken cancellationToken);

    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>Every (item id, content hash) pair, for integrity checks.</summary>
    IAsyncEnumerable<(string Id, string Hash)> ListContentHashesAsync(CancellationToken cancellationToken);

    /// <summary>Every hash referenced by items or snapshots (for finding orphan blobs).</summary>
    Task<IReadOnlySet<string>> ListReferencedHashesAsync(CancellationToken cancellationToken);

    // The pipeline's job queue.

    /// <summary>
    /// Marks jobs left running by a process that died as pending again. SQLite: every running job (call only while
    /// holding the worker lock). PostgreSQL: only jobs whose lease ran out, since other workers may be alive.
    /// </summary>
    Task<int> RecoverInterruptedJobsAsync(CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> due jobs and returns their items (on PostgreSQL, leased to this store until <c>now + lease</c>).</summary>
    Task<IReadOnlyList<Item>> ClaimJobsAsync(int max, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Persists a processed batch (items, index entries, snapshots, job results) in one transaction; its items are searchable on return.</summary>
    Task CompleteJobsAsync(IReadOnlyList<ProcessedItem> results, CancellationToken cancellationToken);

    /// <summary>
    /// Persists a processed batch like <see cref="CompleteJobsAsync(IReadOnlyList{ProcessedItem}, CancellationToken)"/>;
    /// with <see cref="IndexWrites.Deferred"/> the keyword index may hold the batch's entries back until
    /// <see cref="FlushIndexAsync"/> (a run of many batches then writes far fewer, larger index segments). Nothing
    /// held back is lost in a crash: the next <see cref="RecoverInterruptedJobsAsync"/> indexes it.
    /// </summary>
    Task CompleteJobsAsync(IReadOnlyList<ProcessedItem> results, IndexWrites writes, CancellationToken cancellationToken);

    /// <summary>Writes index entries held back by deferred completions, making their items searchable.</summary>
    Task FlushIndexAsync(CancellationToken cancellationToken);

    /// <summary>Queues jobs again: for failed items (transient failures only unless <paramref name="includePermanent"/>).</summary>
    Task<int> RequeueFailedAsync(bool includePermanent, CancellationToken cancellationToken);

    /// <summary>Resets items to <see cref="ItemState.Collected"/> and queues them, to re-extract from their originals.</summary>
    Task<int> RequeueForReprocessAsync(IReadOnlyList<string>? ids, CancellationToken cancellationToken);

    Task<int> CountPendingJobsAsync(CancellationToken cancellationToken);

    /// <summary>Flushes the engine's write-ahead log into its main files (on shutdown); a no-op where there is none.</summary>
    Task CheckpointAsync(CancellationToken cancellationToken);
}
