using Strata.Core.Items;

namespace Strata.Core.Storage;

/// <summary>An item to insert with its first pipeline job; <paramref name="Snapshot"/> is null for URL-only items.</summary>
public sealed record NewItem(Item Item, SnapshotInfo? Snapshot);

/// <summary>One archived original of an item (an item may gain more snapshots over time).</summary>
public sealed record SnapshotInfo(string Hash, string MediaType, long ByteSize, DateTimeOffset TakenAt, string? Origin);
