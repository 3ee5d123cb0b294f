namespace Strata.Core.Storage;

/// <summary>
/// A store whose keyword ranking keeps its own index, which a base created by an older version must fill once
/// (searches stay correct meanwhile, answered by the engine's full-text index, only slower). Once the ranked index is
/// complete the full-text index is retired: no longer written, so it cannot answer again.
/// </summary>
public interface IRankedIndexMaintenance
{
    /// <summary>Whether every indexed item is in the ranked index.</summary>
    Task<bool> IsRankedIndexCompleteAsync(CancellationToken cancellationToken);

    /// <summary>Whether the engine's full-text index is still kept to answer while the ranked index is incomplete.</summary>
    Task<bool> KeepsFullTextFallbackAsync(CancellationToken cancellationToken);

    /// <summary>Whether documents wait for the ranked index: held back by a run in progress, or left by one that died.</summary>
    Task<bool> HasPendingDocumentsAsync(CancellationToken cancellationToken);

    /// <summary>Indexes documents a run that died left pending (call only while holding the worker lock); returns how many.</summary>
    Task<int> IndexLeftPendingAsync(CancellationToken cancellationToken);

    /// <summary>Rebuilds the ranked index from every indexed item; returns how many were indexed.</summary>
    Task<int> RebuildRankedIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken);
}
