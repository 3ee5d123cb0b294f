namespace Strata.Core.Enrich;

/// <summary>
/// One part of enrichment (rules, the learned classifier, keywords, SimHash, references). Enrichers run in order on
/// one <see cref="EnrichmentDraft"/>; each must be thread-safe, as items are enriched in parallel.
/// </summary>
public interface IItemEnricher
{
    ValueTask EnrichAsync(EnrichmentDraft draft, CancellationToken cancellationToken);
}
