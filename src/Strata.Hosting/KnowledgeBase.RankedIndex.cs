using Strata.Core.Storage;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Whether keyword search ranks from the ranked index (true for stores without one: nothing to build).</summary>
    public Task<bool> IsRankedIndexCompleteAsync(CancellationToken cancellationToken) =>
        _store is IRankedIndexMaintenance maintenance ? maintenance.IsRankedIndexCompleteAsync(cancellationToken) : Task.FromResult(true);

    /// <summary>Rebuilds the ranked keyword index from every indexed item (after upgrading a base made by an older version).</summary>
    public Task<int> RebuildRankedIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken) =>
        _store is IRankedIndexMaintenance maintenance ? maintenance.RebuildRankedIndexAsync(progress, cancellationToken) : Task.FromResult(0);
}
