using Strata.Core.Enrich;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Core.Pipeline;

/// <summary>The item travelling through one pipeline pass, and what the steps produced for the store.</summary>
public sealed class PipelineContext(Item item)
{
    public Item Item { get; set; } = item;

    /// <summary>Analysed text for the keyword index, set by the index step.</summary>
    public IndexDocument? Index { get; set; }

    /// <summary>The ranked index's view of <see cref="Index"/>, computed on the worker (null when the store does not need it).</summary>
    public Search.Ranking.DocumentTerms? IndexTerms { get; set; }

    /// <summary>The item's passages for semantic search and citations, set by the chunk step.</summary>
    public IReadOnlyList<TextChunk>? Chunks { get; set; }

    /// <summary>The item's summary made during this pass (by the summary step), stored with the batch.</summary>
    public Summaries.Summary? Summary { get; set; }

    /// <summary>An original archived during this pass (by the fetch step).</summary>
    public SnapshotInfo? Snapshot { get; set; }

    /// <summary>Keywords, SimHash, references and tag suggestions, set by the enrichment step.</summary>
    public ItemEnrichment? Enrichment { get; set; }

    /// <summary>Set when the pass found the item is a copy of an existing one.</summary>
    public ItemSummary? DuplicateOf { get; set; }
}
