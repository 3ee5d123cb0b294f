namespace Strata.Core.Enrich;

/// <summary>Records the URLs, DOIs and arXiv ids the item cites; URLs go through <paramref name="normalizeUrl"/> (the canonicaliser).</summary>
public sealed class ReferenceEnricher(Func<string, string?>? normalizeUrl = null) : IItemEnricher
{
    public ValueTask EnrichAsync(EnrichmentDraft draft, CancellationToken cancellationToken)
    {
        var references = ReferenceExtractor.Extract(draft.Item.Text, normalizeUrl);

        // An item does not cite itself (its own canonical link in a footer).
        draft.References = draft.Item.CanonicalUrl is { } own ? [.. references.Where(reference => reference.Value != own)] : references;
        return ValueTask.CompletedTask;
    }
}
