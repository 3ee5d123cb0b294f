using Strata.Core.Enrich;

namespace Strata.Core.Storage;

/// <summary>
/// What enrichment derived about items and between them: corpus statistics, near-duplicate clusters, keywords,
/// references and candidates for related items. Thread-safe; every write is one transaction.
/// </summary>
public interface IStructureStore : ICorpusStatisticsStore
{
    /// <summary>
    /// Folds items not yet checked (oldest first) into an older item whose fingerprint shares a band and is at most
    /// <see cref="SimHash.MaxDistance"/> bits away, the cluster's representative; marks them checked. Returns how many folded.
    /// </summary>
    Task<int> FoldNearDuplicatesAsync(CancellationToken cancellationToken);

    /// <summary>Re-clusters every fingerprint from scratch (bands + union-find); items the user unfolded stay apart.</summary>
    Task<DuplicateRebuild> RebuildNearDuplicatesAsync(CancellationToken cancellationToken);

    /// <summary>Every cluster: its representative and its folded members with their distance to it.</summary>
    Task<IReadOnlyList<DuplicateCluster>> ListDuplicateClustersAsync(CancellationToken cancellationToken);

    /// <summary>Takes an item out of its cluster for good (a false positive); false when it was not folded.</summary>
    Task<bool> UnfoldAsync(string id, CancellationToken cancellationToken);

    /// <summary>Keywords, duplicates and references of one item; null when it does not exist.</summary>
    Task<ItemStructure?> GetStructureAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Items matching an FTS expression with their BM25 score and keywords, best first, leaving out the item
    /// <paramref name="excludeId"/>, its representative and everything folded.
    /// </summary>
    Task<IReadOnlyList<SimilarCandidate>> FindSimilarCandidatesAsync(string matchExpression, string excludeId, int limit, CancellationToken cancellationToken);
}

/// <summary>What a rebuild found.</summary>
public sealed record DuplicateRebuild(int Fingerprints, int Clusters, int Folded, TimeSpan Elapsed);

public sealed record DuplicateCluster(ItemSummary Representative, IReadOnlyList<DuplicateMember> Members);

/// <summary>A folded copy and how many fingerprint bits it differs from its representative.</summary>
public sealed record DuplicateMember(ItemSummary Item, int Distance);

/// <summary>The structure of one item as <c>strata show</c> lists it.</summary>
/// <param name="Keywords">Best first.</param>
/// <param name="DuplicateOf">The representative this item is folded into, if any.</param>
/// <param name="Copies">Items folded into this one.</param>
/// <param name="Cites">What the item cites, each with the item it resolves to (null when not in the base).</param>
/// <param name="CitedBy">Items whose references resolve to this one.</param>
public sealed record ItemStructure(
    IReadOnlyList<Keyword> Keywords,
    ItemSummary? DuplicateOf,
    IReadOnlyList<ItemSummary> Copies,
    IReadOnlyList<CitedReference> Cites,
    IReadOnlyList<ItemSummary> CitedBy);

public sealed record CitedReference(Reference Reference, ItemSummary? Item);

/// <summary>A candidate related item: its BM25 score for the query of the item's terms, and its keywords.</summary>
public sealed record SimilarCandidate(ItemSummary Item, double Score, IReadOnlyList<Keyword> Keywords);
