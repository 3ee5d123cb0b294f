using Strata.Core.Digests;
using Strata.Core.Enrich;
using Strata.Core.Ledger;
using Strata.Core.Summaries;
using Strata.Core.Web;

namespace Strata.Core.Storage;

/// <summary>
/// Everything one engine stores for a knowledge base: the contracts every surface goes through. An engine
/// (SQLite, PostgreSQL) implements them all in one object, so the host picks an engine by configuration and
/// nothing else changes. Each contract's own documentation states its failure and threading rules.
/// </summary>
public interface IKnowledgeStore :
    IItemStore, IChunkStore, ISourceStore, IStructureStore, IClassificationStore, ICorpusStatisticsStore,
    ISummaryStore, IDigestStore, IResurfacingStore, ILedgerStore, IWebStore, ICardStore
{
}
