namespace Strata.Core.Ledger;

/// <summary>The token and cost ledger of model calls, and the prompt cache. Thread-safe; writes are single statements.</summary>
public interface ILedgerStore
{
    Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListLedgerAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Input plus output tokens spent on <paramref name="purpose"/> since <paramref name="since"/>.</summary>
    Task<long> SumTokensAsync(string purpose, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The cached response for a prompt key, or null.</summary>
    Task<string?> GetCachedResponseAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the response for a prompt key.</summary>
    Task PutCachedResponseAsync(string key, string model, string response, CancellationToken cancellationToken);
}
