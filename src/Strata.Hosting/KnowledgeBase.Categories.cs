using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Semantic.Embeddings;

namespace Strata.Hosting;

/// <summary>An item matched to a described category, and how similar its best passage is.</summary>
public sealed record CategoryMatch(string ItemId, string Category, double Similarity);

public sealed partial class KnowledgeBase
{
    public Task<IReadOnlyList<CategoryDescription>> ListCategoryDescriptionsAsync(CancellationToken cancellationToken) =>
        _classificationStore.ListCategoryDescriptionsAsync(cancellationToken);

    /// <summary>Describes a category in words; with an embedding model, items are matched to it by meaning.</summary>
    public async Task<CategoryDescription> DescribeCategoryAsync(string name, string description, CancellationToken cancellationToken)
    {
        name = name.Trim().ToLowerInvariant();
        if (name.Length == 0 || string.IsNullOrWhiteSpace(description))
        {
            throw new ArgumentException("a category needs a name and a description in words");
        }

        var category = new CategoryDescription(name, description.Trim(), _time.GetUtcNow());
        await _classificationStore.SaveCategoryDescriptionAsync(category, cancellationToken).ConfigureAwait(false);
        return category;
    }

    public Task<bool> RemoveCategoryDescriptionAsync(string name, CancellationToken cancellationToken) =>
        _classificationStore.DeleteCategoryDescriptionAsync(name, cancellationToken);

    /// <summary>
    /// Gives each item without a category the described category its best passage is most similar to (cosine of
    /// the description's query embedding and the passage vectors), when that similarity reaches
    /// <c>Classification.SemanticThreshold</c>. Runs after every embedding pass; null when no model is configured.
    /// </summary>
    public async Task<IReadOnlyList<CategoryMatch>?> AssignSemanticCategoriesAsync(CancellationToken cancellationToken)
    {
        var categories = await _classificationStore.ListCategoryDescriptionsAsync(cancellationToken).ConfigureAwait(false);
        EmbeddingModel? model;
        try
        {
            model = EmbeddingModel;
        }
        catch (EmbeddingException)
        {
            return null;
        }

        if (model is null)
        {
            return null;
        }

        if (categories.Count == 0 || await GetVectorsAsync(model, cancellationToken).ConfigureAwait(false) is not { } vectors)
        {
            return [];
        }

        var best = new Dictionary<string, (string Category, double Similarity)>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            var query = await model.EmbedQueryAsync(category.Description, cancellationToken).ConfigureAwait(false);
            foreach (var hit in vectors.Index.Search(query, vectors.Index.Count))
            {
                var itemId = vectors.ItemIds[vectors.Index.RowOwners[hit.Row]];
                if (hit.Score >= Options.Classification.SemanticThreshold && (!best.TryGetValue(itemId, out var current) || hit.Score > current.Similarity))
                {
                    best[itemId] = (category.Name, hit.Score);
                }
            }
        }

        var matches = best.Select(pair => new CategoryMatch(pair.Key, pair.Value.Category, Math.Round(pair.Value.Similarity, 4))).ToArray();
        await _classificationStore.SetModelCategoriesAsync(matches.Select(match => (match.ItemId, match.Category, match.Similarity)).ToArray(), TagOrigin.Semantic, cancellationToken)
            .ConfigureAwait(false);
        return matches;
    }
}
