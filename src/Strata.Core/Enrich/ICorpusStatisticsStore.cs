namespace Strata.Core.Enrich;

/// <summary>Where corpus document frequencies live between runs (the store's <c>term_df</c> table).</summary>
public interface ICorpusStatisticsStore
{
    /// <summary>Document frequencies of <paramref name="terms"/>; terms the corpus has never seen are left out.</summary>
    Task<IReadOnlyDictionary<string, int>> LoadDocumentFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken);

    /// <summary>How many documents the frequencies were counted over.</summary>
    Task<long> LoadDocumentCountAsync(CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="deltas"/> to the frequencies and <paramref name="documents"/> to the count, in one transaction.</summary>
    Task AddDocumentFrequenciesAsync(IReadOnlyDictionary<string, int> deltas, long documents, CancellationToken cancellationToken);
}
