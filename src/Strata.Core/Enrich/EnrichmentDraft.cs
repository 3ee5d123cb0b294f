using Strata.Core.Items;

namespace Strata.Core.Enrich;

/// <summary>The item being enriched and what the enrichers found so far; becomes an <see cref="ItemEnrichment"/>.</summary>
public sealed class EnrichmentDraft(Item item)
{
    public Item Item { get; set; } = item;

    public IReadOnlyList<Keyword> Keywords { get; set; } = [];

    public ulong? SimHash { get; set; }

    public IReadOnlyList<Reference> References { get; set; } = [];

    public List<TagSuggestion> Suggestions { get; } = [];

    /// <summary>Adds a tag unless the item has it already (a user's tag always stays as the user's).</summary>
    public void AddTag(string name, TagOrigin origin, double confidence)
    {
        var normalized = ItemTag.Normalize(name);
        if (normalized.Length == 0 || Item.Tags.Any(tag => tag.Name == normalized))
        {
            return;
        }

        Item = Item with { Tags = [.. Item.Tags, new ItemTag(normalized, origin, confidence)] };
    }

    /// <summary>Sets the category when there is none, or when a rule overrides a model's guess; the user's and sources' stay.</summary>
    public void SetCategory(string name, TagOrigin origin, double confidence)
    {
        var replaceable = Item.Category is null
            || (origin == TagOrigin.Rule && Item.CategoryOrigin is TagOrigin.Learned or TagOrigin.Semantic or TagOrigin.Llm);
        if (replaceable)
        {
            Item = Item with { Category = name.Trim().ToLowerInvariant(), CategoryOrigin = origin, CategoryConfidence = confidence };
        }
    }

    public ItemEnrichment ToEnrichment() => new(Keywords, SimHash, References, Suggestions);
}
