using System.Collections.Concurrent;

namespace Strata.Core.Enrich;

/// <summary>
/// Corpus document frequencies with an in-memory cache: terms are loaded from the store in one batch per document
/// the first time they are needed, counts of newly enriched documents accumulate in memory, and
/// <see cref="FlushAsync"/> writes them at the end of a pipeline run (one statement for the whole run). Thread-safe.
/// Counts are approximate by design: a crash before the flush loses that run's deltas, and re-enriched or deleted
/// items are not subtracted; IDF is a logarithm, so such drift barely moves a ranking.
/// </summary>
public sealed class CorpusFrequencies(ICorpusStatisticsStore store)
{
    private readonly ConcurrentDictionary<string, int> _stored = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _countLoad = new(1, 1);
    private ConcurrentDictionary<string, int> _pending = new(StringComparer.Ordinal);
    private long _storedDocuments = -1;
    private long _pendingDocuments;

    /// <summary>Documents counted so far, this run's included.</summary>
    public long Documents => Math.Max(0, Interlocked.Read(ref _storedDocuments)) + Interlocked.Read(ref _pendingDocuments);

    /// <summary>Loads what is not cached yet of <paramref name="terms"/> and of the document count.</summary>
    public async ValueTask EnsureLoadedAsync(IEnumerable<string> terms, CancellationToken cancellationToken)
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

        var missing = terms.Where(term => !_stored.ContainsKey(term)).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var found = await store.LoadDocumentFrequenciesAsync(missing, cancellationToken).ConfigureAwait(false);
        foreach (var term in missing)
        {
            _stored.TryAdd(term, found.GetValueOrDefault(term));
        }
    }

    /// <summary>Counts one more document containing <paramref name="terms"/> (each once).</summary>
    public void Observe(IEnumerable<string> terms)
    {
        var pending = _pending;
        foreach (var term in terms)
        {
            pending.AddOrUpdate(term, 1, static (_, count) => count + 1);
        }

        Interlocked.Increment(ref _pendingDocuments);
    }

    /// <summary>How many documents contain <paramref name="term"/>, this run's included.</summary>
    public int DocumentFrequency(string term) => _stored.GetValueOrDefault(term) + _pending.GetValueOrDefault(term);

    /// <summary>Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1, so a term in every document still counts 1.</summary>
    public double InverseDocumentFrequency(string term) => Math.Log((1.0 + Documents) / (1.0 + DocumentFrequency(term))) + 1.0;

    /// <summary>Writes the accumulated counts to the store; call when no enrichment runs (the end of a pipeline run).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var documents = Interlocked.Exchange(ref _pendingDocuments, 0);
        var pending = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<string, int>(StringComparer.Ordinal));
        if (documents == 0 && pending.IsEmpty)
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
            foreach (var (term, count) in pending)
            {
                _pending.AddOrUpdate(term, count, (_, current) => current + count);
            }

            Interlocked.Add(ref _pendingDocuments, documents);
            throw;
        }

        foreach (var (term, count) in pending)
        {
            _stored.AddOrUpdate(term, count, (_, current) => current + count);
        }

        if (Interlocked.Read(ref _storedDocuments) >= 0)
        {
            Interlocked.Add(ref _storedDocuments, documents);
        }
    }
}
