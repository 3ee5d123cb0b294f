namespace Strata.Core.Storage;

/// <summary>
/// A store whose keyword ranking keeps its own index beside the engine's full-text index, which a base created by
/// an older version must fill once (searches stay correct meanwhile, only slower).
/// </summary>
public interface IRankedIndexMaintenance
{
    /// <summary>Whether every indexed item is in the ranked index.</summary>
    Task<bool> IsRankedIndexCompleteAsync(CancellationToken cancellationToken);

    /// <summary>Rebuilds the ranked index from every indexed item; returns how many were indexed.</summary>
    Task<int> RebuildRankedIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken);
}
