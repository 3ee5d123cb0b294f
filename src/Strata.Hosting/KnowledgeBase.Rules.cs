using Strata.Core.Enrich;
using Strata.Core.Enrich.Rules;
using Strata.Core.Items;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    public Task<IReadOnlyList<Rule>> ListRulesAsync(CancellationToken cancellationToken) => _classificationStore.ListRulesAsync(cancellationToken);

    /// <summary>Stores a new rule (validated: at least one condition and one action, patterns that compile).</summary>
    public async Task<Rule> AddRuleAsync(string? name, RuleConditions when, RuleActions then, CancellationToken cancellationToken)
    {
        if (when.IsEmpty)
        {
            throw new ArgumentException("a rule needs at least one condition (--domain, --source, --url, --title, --text, --lang or --kind)");
        }

        if (then.IsEmpty)
        {
            throw new ArgumentException("a rule needs at least one action (--tag, --category or --status)");
        }

        if (then.Status is { } status && !Enum.TryParse<ItemStatus>(status, ignoreCase: true, out _))
        {
            throw new ArgumentException($"unknown status '{status}': use inbox, read or archived");
        }

        var rule = new Rule { Id = "r" + Ulid.NewUlid().ToString().ToLowerInvariant()[^9..], Name = name, When = when, Then = then, CreatedAt = _time.GetUtcNow() };
        _ = new RuleMatcher(rule); // throws ArgumentException for a pattern that does not compile
        await _classificationStore.SaveRuleAsync(rule, cancellationToken).ConfigureAwait(false);
        return rule;
    }

    public Task<bool> RemoveRuleAsync(string idOrName, CancellationToken cancellationToken) => _classificationStore.DeleteRuleAsync(idOrName, cancellationToken);

    /// <summary>
    /// Applies the rules to every item already in the base: lists what would change, and unless
    /// <paramref name="dryRun"/>, re-enriches the changed items (the same code path as ingest).
    /// </summary>
    public async Task<IReadOnlyList<RuleChange>> ApplyRulesAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var rules = await LoadRuleMatchersAsync(enabledOnly: true, cancellationToken).ConfigureAwait(false);
        var rejections = await _classificationStore.ReadRejectionsAsync(cancellationToken).ConfigureAwait(false);
        var state = new ClassificationState(Options.Classification) { Current = new ClassificationSnapshot(rules, null, rejections, Options.Classification) };
        var enricher = new RuleEnricher(state, _classificationStore.ReadItemSourcesAsync);
        var changes = new List<RuleChange>();
        await foreach (var item in _classificationStore.ReadAllItemsAsync(cancellationToken).ConfigureAwait(false))
        {
            // Compare against the item without its current rule tags: rules are recomputed as a whole.
            var ruleCategory = item.CategoryOrigin == TagOrigin.Rule;
            var draft = new EnrichmentDraft(item with
            {
                Tags = [.. item.Tags.Where(tag => tag.Origin != TagOrigin.Rule)],
                Category = ruleCategory ? null : item.Category,
                CategoryOrigin = ruleCategory ? null : item.CategoryOrigin,
            });
            await enricher.EnrichAsync(draft, cancellationToken).ConfigureAwait(false);
            var before = item.Tags.Where(tag => tag.Origin == TagOrigin.Rule).Select(tag => tag.Name).ToHashSet();
            var after = draft.Item.Tags.Where(tag => tag.Origin == TagOrigin.Rule).Select(tag => tag.Name).ToHashSet();
            var category = draft.Item.Category != item.Category ? draft.Item.Category : null;
            var status = draft.Item.Status != item.Status ? draft.Item.Status.ToString().ToLowerInvariant() : null;
            if (!before.SetEquals(after) || category is not null || status is not null)
            {
                var matched = rules.Where(rule => rule.Matches(draft.Item, [])).Select(rule => rule.Rule.DisplayName).ToArray();
                changes.Add(new RuleChange(item.Id, item.DisplayTitle, after.Except(before).Order().ToArray(), before.Except(after).Order().ToArray(), category, status, matched));
            }
        }

        if (!dryRun && changes.Count > 0)
        {
            await _classificationStore.RequeueForEnrichmentAsync(changes.Select(change => change.ItemId).ToArray(), cancellationToken).ConfigureAwait(false);
            await ProcessQueueAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return changes;
    }
}
