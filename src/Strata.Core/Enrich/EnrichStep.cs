using Strata.Core.Items;
using Strata.Core.Pipeline;

namespace Strata.Core.Enrich;

/// <summary>
/// Extracted → Extracted (the index step follows): classifies and structures the item — rules, learned tags and
/// category, keywords, SimHash, references — before it is indexed, so the tags it adds are searchable.
/// </summary>
public sealed class EnrichStep(IReadOnlyList<IItemEnricher> enrichers) : IPipelineStep
{
    public string Name => "enrich";

    public ItemState From => ItemState.Extracted;

    public async Task<StepResult> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        // Tags the enrichers own are recomputed from scratch on every pass; the user's and sources' stay.
        var item = context.Item;
        var recomputed = item.CategoryOrigin is TagOrigin.Rule or TagOrigin.Learned;
        var draft = new EnrichmentDraft(item with
        {
            Tags = [.. item.Tags.Where(tag => tag.Origin is not (TagOrigin.Rule or TagOrigin.Learned))],
            Category = recomputed ? null : item.Category,
            CategoryOrigin = recomputed ? null : item.CategoryOrigin,
            CategoryConfidence = recomputed ? null : item.CategoryConfidence,
        });
        foreach (var enricher in enrichers)
        {
            await enricher.EnrichAsync(draft, cancellationToken).ConfigureAwait(false);
        }

        context.Item = draft.Item;
        context.Enrichment = draft.ToEnrichment();
        return StepResult.Done;
    }
}
