using Strata.Core.Enrich;
using Strata.Sources.Http;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>The enrichers every item passes through, in order: what decides tags first, then structure.</summary>
    private IReadOnlyList<IItemEnricher> Enrichers() =>
    [
        new RuleEnricher(_classification, _classificationStore.ReadItemSourcesAsync),
        new LearnedTagEnricher(_classification),
        new SimHashEnricher(),
        new KeywordEnricher(_corpus),
        new ReferenceEnricher(CanonicalUrlOrNull),
    ];

    /// <summary>What a pipeline run leaves to its end: corpus counts are written, new near-duplicates are folded.</summary>
    private async Task FinishRunAsync(CancellationToken cancellationToken)
    {
        await _corpus.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _structure.FoldNearDuplicatesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A cited URL in the form items' canonical URLs take; null when it is not a usable absolute http(s) URL.</summary>
    private static string? CanonicalUrlOrNull(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" && parsed.Host.Length > 0
            ? UrlNormalizer.Canonicalize(parsed).ToString()
            : null;

    /// <summary>
    /// The enrich step with this base's enrichers, for running enrichment outside the pipeline (benchmarks, diagnostics).
    /// Corpus counts it gathers are written by <see cref="FlushCorpusStatisticsAsync"/> or the next pipeline run's end.
    /// </summary>
    public EnrichStep CreateEnrichStep() => new(Enrichers());

    /// <summary>Writes corpus document frequencies gathered since the last flush.</summary>
    public Task FlushCorpusStatisticsAsync(CancellationToken cancellationToken) => _corpus.FlushAsync(cancellationToken);
}
