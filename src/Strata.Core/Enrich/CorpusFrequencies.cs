using System.Collections.Concurrent;
using Strata.Core.Text;

namespace Strata.Core.Enrich;

/// <summary>
/// Corpus document frequencies with an in-memory cache: terms are loaded from the store in one batch per document
/// the first time they are needed, counts of newly enriched documents accumulate in memory, and
/// <see cref="FlushAsync"/> writes them at the end of a pipeline run (one statement for the whole run). Thread-safe.
/// Counts are approximate by design: a crash before the flush loses that run's deltas, and re-enriched or deleted
/// items are not subtracted; IDF is a logarithm, so such drift barely moves a ranking.
/// </summary>
/// <remarks>
/// Each term has one <see cref="TermCounts"/> holding both its stored and its pending count, so a document's terms
/// are looked up once (<see cref="ObserveDocumentAsync"/>) and then counted and weighed without hashing again.
/// </remarks>
public sealed class CorpusFrequencies(ICorpusStatisticsStore store)
{
    /// <summary>Terms kept in <see cref="_terms"/>; later terms go to <see cref="_overflow"/>.</summary>
    private const int MaxIndexedTerms = 1 << 24;

    // Each term's counts through a compact word table: every enriched document looks up each of its ~700 distinct
    // terms, and a concurrent dictionary's node-and-key walk was most of the time those lookups took.
    private readonly WordTable<TermCounts> _terms = new(MaxIndexedTerms);
    private readonly ConcurrentDictionary<string, TermCounts> _overflow = new(StringComparer.Ordinal);

    /// <summary>Terms with a pending count, each queued once when its count leaves zero: what the next flush writes.</summary>
    private readonly ConcurrentQueue<(string Term, TermCounts Counts)> _changed = new();
    private readonly SemaphoreSlim _countLoad = new(1, 1);
    private long _storedDocuments = -1;
    private long _pendingDocuments;

    /// <summary>Documents counted so far, this run's included.</summary>
    public long Documents => Math.Max(0, Interlocked.Read(ref _storedDocuments)) + Interlocked.Read(ref _pendingDocuments);

    /// <summary>Loads what is not cached yet of <paramref name="terms"/> and of the document count.</summary>
    public async ValueTask EnsureLoadedAsync(IEnumerable<string> terms, CancellationToken cancellationToken) =>
        await LoadAsync([.. terms.Select(term => (term, CountsOf(term)))], cancellationToken).ConfigureAwait(false);

    /// <summary>Counts one more document containing <paramref name="terms"/> (each once).</summary>
    public void Observe(IEnumerable<string> terms)
    {
        foreach (var term in terms)
        {
            Count(term, CountsOf(term));
        }

        Interlocked.Increment(ref _pendingDocuments);
    }

    /// <summary>
    /// <see cref="EnsureLoadedAsync"/> then <see cref="Observe"/> for one document's distinct terms, returning each
    /// term's counts (in the order of <paramref name="terms"/>) for <see cref="InverseDocumentFrequency(long, TermCounts)"/>.
    /// </summary>
    internal async ValueTask<TermCounts[]> ObserveDocumentAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var counts = new (string Term, TermCounts Counts)[terms.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = (terms[i], CountsOf(terms[i]));
        }

        await LoadAsync(counts, cancellationToken).ConfigureAwait(false);
        var result = new TermCounts[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            Count(counts[i].Term, counts[i].Counts);
            result[i] = counts[i].Counts;
        }

        Interlocked.Increment(ref _pendingDocuments);
        return result;
    }

    /// <summary>How many documents contain <paramref name="term"/>, this run's included.</summary>
    public int DocumentFrequency(string term) => Find(term) is { } counts ? counts.DocumentFrequency : 0;

    /// <summary>Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1, so a term in every document still counts 1.</summary>
    public double InverseDocumentFrequency(string term) => Math.Log((1.0 + Documents) / (1.0 + DocumentFrequency(term))) + 1.0;

    /// <summary>The same IDF for counts from <see cref="ObserveDocumentAsync"/>, with <paramref name="documents"/> read once per document.</summary>
    internal static double InverseDocumentFrequency(long documents, TermCounts counts) => Math.Log((1.0 + documents) / (1.0 + counts.DocumentFrequency)) + 1.0;

    /// <summary>Writes the accumulated counts to the store; call when no enrichment runs (the end of a pipeline run).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var documents = Interlocked.Exchange(ref _pendingDocuments, 0);
        var taken = new List<(string Term, TermCounts Counts, int Count)>();
        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        while (_changed.TryDequeue(out var changed))
        {
            var count = Interlocked.Exchange(ref changed.Counts.Pending, 0);
            if (count != 0)
            {
                pending[changed.Term] = pending.GetValueOrDefault(changed.Term) + count;
                taken.Add((changed.Term, changed.Counts, count));
            }
        }

        if (documents == 0 && pending.Count == 0)
        {
            return;
        }

        try
        {
            await store.AddDocumentFrequenciesAsync(pending, documents, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Keep the counts for the next flush rather than lose them.
            foreach (var (term, counts, count) in taken)
            {
                Count(term, counts, count);
            }

            Interlocked.Add(ref _pendingDocuments, documents);
            throw;
        }

        foreach (var (_, counts, count) in taken)
        {
            counts.AddStored(count);
        }

        if (Interlocked.Read(ref _storedDocuments) >= 0)
        {
            Interlocked.Add(ref _storedDocuments, documents);
        }
    }

    private TermCounts? Find(string term) =>
        _terms.TryGetId(term, out var id) ? _terms[id] : _overflow.GetValueOrDefault(term);

    private TermCounts CountsOf(string term)
    {
        var id = _terms.GetOrAdd(term, static _ => new TermCounts());
        return id >= 0 ? _terms[id] : _overflow.GetOrAdd(term, static _ => new TermCounts());
    }

    private void Count(string term, TermCounts counts, int count = 1)
    {
        if (Interlocked.Add(ref counts.Pending, count) == count)
        {
            _changed.Enqueue((term, counts));
        }
    }

    /// <summary>Loads the document count once, and the stored frequencies of the terms not loaded yet in one batch.</summary>
    private async ValueTask LoadAsync((string Term, TermCounts Counts)[] terms, CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _storedDocuments) < 0)
        {
            await _countLoad.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Interlocked.Read(ref _storedDocuments) < 0)
                {
                    Interlocked.Exchange(ref _storedDocuments, await store.LoadDocumentCountAsync(cancellationToken).ConfigureAwait(false));
                }
            }
            finally
            {
                _countLoad.Release();
            }
        }

        var unloaded = 0;
        foreach (var term in terms)
        {
            unloaded += term.Counts.IsLoaded ? 0 : 1;
        }

        if (unloaded == 0)
        {
            return;
        }

        var missing = terms.Where(term => !term.Counts.IsLoaded).ToArray();

        var found = await store.LoadDocumentFrequenciesAsync(missing.Select(term => term.Term).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var (term, counts) in missing)
        {
            counts.Load(found.GetValueOrDefault(term));
        }
    }

    /// <summary>One term's document frequency: what the store held (once loaded or flushed) plus this run's pending count.</summary>
    internal sealed class TermCounts
    {
        /// <summary>Documents of this run containing the term, not yet written.</summary>
        internal int Pending;

        private int _stored;
        private bool _loaded;

        public bool IsLoaded => Volatile.Read(ref _loaded);

        public int DocumentFrequency => Volatile.Read(ref _stored) + Volatile.Read(ref Pending);

        /// <summary>Sets the stored count loaded from the store, unless another document loaded it first.</summary>
        public void Load(int stored)
        {
            lock (this)
            {
                if (!_loaded)
                {
                    _stored = stored;
                    Volatile.Write(ref _loaded, true);
                }
            }
        }

        /// <summary>Adds flushed counts; the stored count is then known even if it was never loaded.</summary>
        public void AddStored(int count)
        {
            lock (this)
            {
                _stored += count;
                Volatile.Write(ref _loaded, true);
            }
        }
    }
}
