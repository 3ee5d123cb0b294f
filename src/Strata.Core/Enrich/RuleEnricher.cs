using Strata.Core.Items;

namespace Strata.Core.Enrich;

/// <summary>Applies the user's rules: tags, category and status from every rule whose conditions match.</summary>
public sealed class RuleEnricher(ClassificationState state, Func<string, CancellationToken, Task<IReadOnlyList<string>>> sourcesOf) : IItemEnricher
{
    public async ValueTask EnrichAsync(EnrichmentDraft draft, CancellationToken cancellationToken)
    {
        var snapshot = state.Current;
        if (snapshot.Rules.Count == 0)
        {
            return;
        }

        IReadOnlyList<string> sources = snapshot.Rules.Any(rule => rule.NeedsSources)
            ? await sourcesOf(draft.Item.Id, cancellationToken).ConfigureAwait(false)
            : [];
        foreach (var rule in snapshot.Rules)
        {
            if (!rule.Rule.Enabled || !rule.Matches(draft.Item, sources))
            {
                continue;
            }

            foreach (var tag in rule.Rule.Then.Tags)
            {
                if (!snapshot.IsRejected(draft.Item.Id, ItemTag.Normalize(tag)))
                {
                    draft.AddTag(tag, TagOrigin.Rule, 1.0);
                }
            }

            if (rule.Rule.Then.Category is { } category)
            {
                draft.SetCategory(category, TagOrigin.Rule, 1.0);
            }

            if (rule.Rule.Then.Status is { } status && Enum.TryParse<ItemStatus>(status, ignoreCase: true, out var parsed))
            {
                draft.Item = draft.Item with { Status = parsed };
            }
        }
    }
}
