using Strata.Core.Enrich.Classify;
using Strata.Core.Enrich.Rules;
using Strata.Core.Items;

namespace Strata.Core.Storage;

/// <summary>A pending tag suggestion in the review inbox.</summary>
public sealed record PendingSuggestion(string ItemId, string ItemTitle, string Tag, TagOrigin Origin, double Confidence);

/// <summary>A tag with how many items carry it, and by which origin.</summary>
public sealed record TagCount(string Tag, int Items, int ByUser, int ByMachine);

/// <summary>A category described in words, matched to items by meaning when an embedding model is configured.</summary>
public sealed record CategoryDescription(string Name, string Description, DateTimeOffset CreatedAt);

/// <summary>A stored model and the labels it was trained on.</summary>
public sealed record StoredModel(byte[] Data, long LabelsVersion, DateTimeOffset TrainedAt);

/// <summary>What classification needs from the store: training labels, models, rules, the review inbox, the taxonomy.</summary>
public interface IClassificationStore
{
    /// <summary>A number that changes whenever the user's labels (tags, categories, rejections) change.</summary>
    Task<long> GetLabelsVersionAsync(CancellationToken cancellationToken);

    /// <summary>Items the user labelled: their text, user tags, category and rejected tags.</summary>
    Task<IReadOnlyList<LabelledDocument>> ReadLabelledDocumentsAsync(CancellationToken cancellationToken);

    Task<StoredModel?> GetModelAsync(string name, CancellationToken cancellationToken);

    Task SaveModelAsync(string name, StoredModel model, CancellationToken cancellationToken);

    /// <summary>Every (item id, tag) the user rejected.</summary>
    Task<IReadOnlySet<(string ItemId, string Tag)>> ReadRejectionsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingSuggestion>> ListSuggestionsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Accepts (the tag becomes the user's) or rejects a suggestion or a machine tag; false when there is none.</summary>
    Task<bool> DecideSuggestionAsync(string itemId, string tag, bool accept, CancellationToken cancellationToken);

    Task<IReadOnlyList<TagCount>> ListTagCountsAsync(CancellationToken cancellationToken);

    /// <summary>Renames <paramref name="from"/> (and its children <c>from/…</c>) to <paramref name="to"/> everywhere; returns items changed.</summary>
    Task<int> RenameTagAsync(string from, string to, CancellationToken cancellationToken);

    /// <summary>Item ids carrying each tag (for merge suggestions).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlySet<long>>> ReadTagMembersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Rule>> ListRulesAsync(CancellationToken cancellationToken);

    Task SaveRuleAsync(Rule rule, CancellationToken cancellationToken);

    Task<bool> DeleteRuleAsync(string idOrPrefix, CancellationToken cancellationToken);

    /// <summary>Source ids that brought an item (for rules on sources).</summary>
    Task<IReadOnlyList<string>> ReadItemSourcesAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Every extracted item, for applying rules retroactively.</summary>
    IAsyncEnumerable<Item> ReadAllItemsAsync(CancellationToken cancellationToken);

    /// <summary>Queues every item carrying a learned tag, a learned category or a pending suggestion for re-enrichment.</summary>
    Task<int> RequeueLearnedAsync(CancellationToken cancellationToken);

    /// <summary>Puts proposed tags in an item's review inbox (never over a rejection or a tag it has).</summary>
    Task AddSuggestionsAsync(string itemId, IReadOnlyList<Enrich.TagSuggestion> suggestions, CancellationToken cancellationToken);

    Task<IReadOnlyList<CategoryDescription>> ListCategoryDescriptionsAsync(CancellationToken cancellationToken);

    Task SaveCategoryDescriptionAsync(CategoryDescription category, CancellationToken cancellationToken);

    Task<bool> DeleteCategoryDescriptionAsync(string name, CancellationToken cancellationToken);

    /// <summary>Sets the category of items that have none (or only a model's), with its origin and confidence.</summary>
    Task<int> SetModelCategoriesAsync(IReadOnlyList<(string ItemId, string Category, double Confidence)> assignments, TagOrigin origin, CancellationToken cancellationToken);

    /// <summary>Steps items (every extracted item when <paramref name="ids"/> is null) back to Extracted so the pipeline re-enriches and re-indexes them.</summary>
    Task<int> RequeueForEnrichmentAsync(IReadOnlyList<string>? ids, CancellationToken cancellationToken);
}
