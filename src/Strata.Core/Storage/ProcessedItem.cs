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

/// <summary>Analysed text for the keyword index (already segmented and stemmed), built on first use when deferred.</summary>
public sealed class IndexDocument
{
    private Func<IndexDocument>? _analyse;
    private string _title;
    private string _body;
    private string _tags;

    public IndexDocument(string title, string body, string tags)
    {
        _title = title;
        _body = body;
        _tags = tags;
    }

    /// <summary>A document analysed by <paramref name="analyse"/> only when a column is read (once; not thread-safe).</summary>
    public IndexDocument(Func<IndexDocument> analyse)
    {
        _analyse = analyse;
        _title = _body = _tags = string.Empty;
    }

    public string Title => Analysed()._title;

    public string Body => Analysed()._body;

    public string Tags => Analysed()._tags;

    private IndexDocument Analysed()
    {
        if (_analyse is { } analyse)
        {
            var document = analyse();
            (_title, _body, _tags) = (document.Title, document.Body, document.Tags);
            _analyse = null;
        }

        return this;
    }
}
