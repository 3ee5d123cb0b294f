using Strata.Core.Storage;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Keywords, near-duplicates and references of an item; null when no item matches.</summary>
    public async Task<ItemStructure?> StructureAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        return id is null ? null : await _structure.GetStructureAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Near-duplicate clusters: each representative with its folded copies.</summary>
    public Task<IReadOnlyList<DuplicateCluster>> DuplicatesAsync(CancellationToken cancellationToken) => _structure.ListDuplicateClustersAsync(cancellationToken);

    /// <summary>Re-clusters every item from its fingerprint (bands and union-find), replacing the incremental folding.</summary>
    public Task<DuplicateRebuild> RebuildDuplicatesAsync(CancellationToken cancellationToken) => _structure.RebuildNearDuplicatesAsync(cancellationToken);

    /// <summary>Takes an item out of its near-duplicate cluster for good; false when it was not folded.</summary>
    /// <exception cref="KeyNotFoundException">No item matches.</exception>
    public async Task<bool> UnfoldAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(idOrPrefix, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"no item matches '{idOrPrefix}'");
        return await _structure.UnfoldAsync(id, cancellationToken).ConfigureAwait(false);
    }
}
