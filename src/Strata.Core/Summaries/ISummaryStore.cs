namespace Strata.Core.Summaries;

/// <summary>
/// Stored summaries, one per item and method (a new one of the same method replaces the old). Thread-safe.
/// Summaries made at ingest are written with the pipeline batch (see <see cref="Storage.ProcessedItem"/>).
/// </summary>
public interface ISummaryStore
{
    /// <summary>Every summary of an item, abstractive first.</summary>
    Task<IReadOnlyList<Summary>> GetSummariesAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the item's summary of this method; false when the item does not exist.</summary>
    Task<bool> SaveSummaryAsync(Summary summary, CancellationToken cancellationToken);

    /// <summary>Ids of searchable items (oldest first) that have no summary of <paramref name="method"/>.</summary>
    Task<IReadOnlyList<string>> ListItemsWithoutSummaryAsync(string method, int max, CancellationToken cancellationToken);
}
