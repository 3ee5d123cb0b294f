namespace Strata.Core.Enrich;

/// <summary>Fingerprints the text's paragraphs for near-duplicate detection (see <see cref="SimHashContent"/>).</summary>
public sealed class SimHashEnricher : IItemEnricher
{
    public ValueTask EnrichAsync(EnrichmentDraft draft, CancellationToken cancellationToken)
    {
        draft.SimHash = SimHashContent.Compute(draft.Item.Text);
        return ValueTask.CompletedTask;
    }
}
