using Strata.Core.Enrich;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>The enrichers every item passes through, in order: what decides tags first, then structure.</summary>
    private IReadOnlyList<IItemEnricher> Enrichers() =>
    [
        new RuleEnricher(_classification, _classificationStore.ReadItemSourcesAsync),
        new LearnedTagEnricher(_classification),
        new SimHashEnricher(),
    ];
}
