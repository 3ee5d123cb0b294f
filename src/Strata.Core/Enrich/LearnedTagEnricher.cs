using Strata.Core.Items;

namespace Strata.Core.Enrich;

/// <summary>
/// Tags and categorises with the classifier learned from the user's own labels: confident tags are applied,
/// likely ones wait in the review inbox, rejected ones never come back.
/// </summary>
public sealed class LearnedTagEnricher(ClassificationState state) : IItemEnricher
{
    public ValueTask EnrichAsync(EnrichmentDraft draft, CancellationToken cancellationToken)
    {
        var snapshot = state.Current;
        if (snapshot.Classifier is not { } classifier || !snapshot.Options.Learn)
        {
            return ValueTask.CompletedTask;
        }

        var item = draft.Item;
        var vector = classifier.Vectorize(item.Title, item.Text);
        if (vector.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var suggestions = 0;
        foreach (var label in classifier.PredictTags(vector, snapshot.Options.SuggestThreshold))
        {
            if (item.Tags.Any(tag => tag.Name == label.Label) || snapshot.IsRejected(item.Id, label.Label))
            {
                continue;
            }

            if (label.Confidence >= snapshot.Options.ApplyThreshold)
            {
                draft.AddTag(label.Label, TagOrigin.Learned, Math.Round(label.Confidence, 4));
            }
            else if (suggestions++ < snapshot.Options.MaxSuggestionsPerItem)
            {
                draft.Suggestions.Add(new TagSuggestion(label.Label, TagOrigin.Learned, Math.Round(label.Confidence, 4)));
            }
        }

        if (item.Category is null && classifier.PredictCategory(vector) is { } category && category.Confidence >= snapshot.Options.CategoryThreshold)
        {
            draft.SetCategory(category.Label, TagOrigin.Learned, Math.Round(category.Confidence, 4));
        }

        return ValueTask.CompletedTask;
    }
}
