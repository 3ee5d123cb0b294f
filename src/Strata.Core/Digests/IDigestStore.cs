using Strata.Core.Items;

namespace Strata.Core.Digests;

/// <summary>What digests read (new items, the user's interests, earlier digests) and where they are kept. Thread-safe.</summary>
public interface IDigestStore
{
    /// <summary>Searchable items collected in [<paramref name="after"/>, <paramref name="before"/>), newest first, optionally with a tag (or its children).</summary>
    Task<IReadOnlyList<DigestCandidate>> ListDigestCandidatesAsync(DateTimeOffset after, DateTimeOffset before, string? tag, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Tag weights of what the user cares about: for each tag, how many items carrying it are favourites or read
    /// (a favourite counts double).
    /// </summary>
    Task<IReadOnlyDictionary<string, double>> GetInterestTagsAsync(CancellationToken cancellationToken);

    /// <summary>Title and summary text of the items shown in the last <paramref name="digests"/> digests (for novelty), excluding <paramref name="exceptIds"/>.</summary>
    Task<IReadOnlyList<string>> ListEarlierDigestTextsAsync(int digests, IReadOnlyCollection<string> exceptIds, CancellationToken cancellationToken);

    Task SaveDigestAsync(StoredDigest digest, CancellationToken cancellationToken);

    /// <summary>Digests newest first (without their item lists' text).</summary>
    Task<IReadOnlyList<StoredDigest>> ListDigestsAsync(int limit, CancellationToken cancellationToken);

    Task<StoredDigest?> GetDigestAsync(string idOrPrefix, CancellationToken cancellationToken);

    /// <summary>Records where a digest was mailed.</summary>
    Task MarkDigestDeliveredAsync(string id, string deliveredTo, CancellationToken cancellationToken);

    /// <summary>Sets the user's marks on an item (null leaves one unchanged); false when the item does not exist.</summary>
    Task<bool> SetMarksAsync(string itemId, ItemStatus? status, bool? favourite, CancellationToken cancellationToken);
}
