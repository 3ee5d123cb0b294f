using Strata.Core.Items;

namespace Strata.Core.Storage;

/// <summary>An item to insert with its first pipeline job; <paramref name="Snapshot"/> is null for URL-only items.</summary>
/// <param name="Item">The item, in state queued (URL only) or collected (original archived).</param>
/// <param name="Snapshot">The archived original, when there is one.</param>
/// <param name="Provenance">Where it came from, recorded in the same transaction.</param>
public sealed record NewItem(Item Item, SnapshotInfo? Snapshot, Provenance? Provenance = null);

/// <summary>One archived original of an item (an item may gain more snapshots over time).</summary>
public sealed record SnapshotInfo(string Hash, string MediaType, long ByteSize, DateTimeOffset TakenAt, string? Origin);
