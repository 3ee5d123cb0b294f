using Strata.Core.Digests;
using Strata.Core.Enrich;
using Strata.Core.Ledger;
using Strata.Core.Storage;
using Strata.Core.Summaries;
using Strata.Core.Web;

namespace Strata.Storage.Conformance;

/// <summary>
/// The store contract, written once: every engine derives one class that says how to open a fresh, migrated
/// store, and runs every test here. A behaviour that differs between engines is a bug in one of them.
/// </summary>
/// <typeparam name="TStore">The engine's store, implementing the contracts under test.</typeparam>
public abstract partial class StoreConformanceTests<TStore>
    where TStore : IItemStore, IChunkStore, ISourceStore, ISummaryStore, ILedgerStore, ICorpusStatisticsStore,
        IClassificationStore, IStructureStore, ICardStore, IWebStore, IDigestStore, IResurfacingStore
{
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A new, empty, migrated store of its own (the test disposes it).</summary>
    protected abstract Task<TStore> CreateStoreAsync();
}
