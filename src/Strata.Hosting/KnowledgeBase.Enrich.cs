using Strata.Core.Enrich;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>The enrichers every item passes through, in order: what decides tags first, then structure.</summary>
    private IReadOnlyList<IItemEnricher> Enrichers() =>
    [
        new SimHashEnricher(),
    ];
}
