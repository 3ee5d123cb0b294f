using Strata.Core.Sources;

namespace Strata.Core.Storage;

/// <summary>
/// Stored sources, their run history, and the provenance that ties items to where they came from.
/// Thread-safe; every method is one transaction.
/// </summary>
public interface ISourceStore
{
    /// <summary>Adds a source; returns the existing one instead when the same type and target is already there.</summary>
    Task<(Source Source, bool Created)> AddSourceAsync(Source source, CancellationToken cancellationToken);

    Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken cancellationToken);

    Task<Source?> GetSourceAsync(string id, CancellationToken cancellationToken);

    /// <summary>Source ids starting with <paramref name="prefix"/> (case-insensitive), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<string>> FindSourceIdsByPrefixAsync(string prefix, int max, CancellationToken cancellationToken);

    /// <summary>Writes every mutable field (schedule, tags, pause, health, cursor).</summary>
    Task SaveSourceAsync(Source source, CancellationToken cancellationToken);

    /// <summary>Removes a source and its run history; its items stay. False when it did not exist.</summary>
    Task<bool> RemoveSourceAsync(string id, CancellationToken cancellationToken);

    /// <summary>Unpaused sources whose next run is due at <paramref name="now"/> (never-run sources are due).</summary>
    Task<IReadOnlyList<Source>> ListDueSourcesAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, SourceRunResult result, CancellationToken cancellationToken);

    /// <summary>The most recent runs of a source, newest first.</summary>
    Task<IReadOnlyList<(DateTimeOffset StartedAt, SourceRunResult Outcome)>> ListRunsAsync(string sourceId, int max, CancellationToken cancellationToken);

    /// <summary>The item recorded under an external id (feed GUID, arXiv id, file path), with that record, if any.</summary>
    Task<(ItemSummary Item, Provenance Record)?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>Records that an item arrived from a source under an external id; updates url and fingerprint when the record exists.</summary>
    Task AddProvenanceAsync(string itemId, Provenance record, CancellationToken cancellationToken);

    Task<IReadOnlyList<Provenance>> ListProvenanceAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Every provenance record a source made, with the item it points at.</summary>
    Task<IReadOnlyList<(string ItemId, Provenance Record)>> ListProvenanceBySourceAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a newly archived original the item's current one (a new version), updates <paramref name="metadata"/>
    /// keys, and queues the item to be extracted and indexed again. Idempotent for the same hash.
    /// </summary>
    Task AddVersionAsync(string itemId, SnapshotInfo snapshot, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>Every archived original of an item, oldest first.</summary>
    Task<IReadOnlyList<SnapshotInfo>> ListSnapshotsAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Sets metadata keys on an item without touching anything else (e.g. "deleted from disk at").</summary>
    Task SetMetadataAsync(string itemId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);
}

/// <summary>One record of where an item came from.</summary>
/// <param name="SourceId">The source that brought it; null for imports and manual adds.</param>
/// <param name="ExternalId">Its identity there: <c>feed:&lt;source&gt;:&lt;guid&gt;</c>, <c>arxiv:2401.01234</c>, <c>file:/path</c>.</param>
/// <param name="Url">Where it was found.</param>
/// <param name="Fingerprint">What the source last saw, to detect changes cheaply (file size and time, arXiv version).</param>
/// <param name="SeenAt">When it was first seen.</param>
public sealed record Provenance(string? SourceId, string ExternalId, string? Url, string? Fingerprint, DateTimeOffset SeenAt);
