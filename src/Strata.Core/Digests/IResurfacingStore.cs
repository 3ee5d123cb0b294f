namespace Strata.Core.Digests;

/// <summary>When the user last opened each item, and the older items a digest can bring back. Thread-safe.</summary>
public interface IResurfacingStore
{
    /// <summary>Records that the user opened the item now (e.g. <c>strata show</c>); false when it does not exist.</summary>
    Task<bool> MarkOpenedAsync(string itemId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Searchable items collected before <paramref name="collectedBefore"/> and not opened since
    /// <paramref name="notOpenedSince"/> (or never), that none of the last <paramref name="recentDigests"/> digests
    /// showed; at most <paramref name="limit"/>, favourites first, then oldest.
    /// </summary>
    Task<IReadOnlyList<DigestCandidate>> ListResurfaceCandidatesAsync(
        DateTimeOffset collectedBefore, DateTimeOffset notOpenedSince, int recentDigests, int limit, CancellationToken cancellationToken);
}
