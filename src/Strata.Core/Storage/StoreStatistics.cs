namespace Strata.Core.Storage;

/// <summary>Counts and sizes for <c>strata stats</c>.</summary>
public sealed record StoreStatistics(
    int Items,
    IReadOnlyDictionary<string, int> ByKind,
    IReadOnlyDictionary<string, int> ByState,
    int Failed,
    int PendingJobs,
    long DatabaseBytes,
    long BlobBytes);
