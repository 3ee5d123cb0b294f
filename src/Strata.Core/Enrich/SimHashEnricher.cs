namespace Strata.Core.Enrich;

/// <summary>Fingerprints the text for near-duplicate detection.</summary>
public sealed class SimHashEnricher : IItemEnricher
{
    public ValueTask EnrichAsync(EnrichmentDraft draft, CancellationToken cancellationToken)
    {
        draft.SimHash = SimHash.Compute(draft.Item.Text);
        return ValueTask.CompletedTask;
    }
}
