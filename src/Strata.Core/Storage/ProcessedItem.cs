using Strata.Core.Enrich;
using Strata.Core.Items;

namespace Strata.Core.Storage;

/// <summary>What one pipeline pass produced for one item, persisted atomically with its job.</summary>
/// <remarks>The job ends either way: done when <see cref="Item.Error"/> is null, failed (and retryable by the user) otherwise.</remarks>
/// <param name="Item">The item after the pass (state, fields, error).</param>
/// <param name="Index">Text to (re)index, when the pass reached indexing.</param>
/// <param name="Snapshot">A newly archived original (fetched during the pass).</param>
/// <param name="DuplicateOf">Set when the fetched bytes belong to an existing item: this item is removed.</param>
/// <param name="Enrichment">Keywords, SimHash, references and suggestions, when the pass enriched the item.</param>
/// <param name="Chunks">The item's passages, replacing any it had, when the pass reached chunking.</param>
/// <param name="Summary">A summary made during the pass; replaces the item's summary of the same method.</param>
/// <param name="IndexTerms"><paramref name="Index"/> tokenised for the ranked index on the worker; the store computes it when null.</param>
public sealed record ProcessedItem(Item Item, IndexDocument? Index, SnapshotInfo? Snapshot, string? DuplicateOf = null, ItemEnrichment? Enrichment = null, IReadOnlyList<TextChunk>? Chunks = null, Summaries.Summary? Summary = null, Search.Ranking.DocumentTerms? IndexTerms = null);

/// <summary>Analysed text for the keyword index (already segmented and stemmed).</summary>
public sealed record IndexDocument(string Title, string Body, string Tags);
