using Strata.Core.Enrich;
using Strata.Core.Enrich.Classify;
using Strata.Core.Enrich.Rules;
using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Hosting;

/// <summary>Why an item carries a tag or its category.</summary>
public sealed record TagExplanation(string Tag, TagOrigin Origin, double Confidence, string Reason, IReadOnlyList<FeatureWeight> Evidence, bool IsCategory = false);

/// <summary>The outcome of training the learned classifier.</summary>
public sealed record TrainingReport(bool Trained, int Documents, int Tags, int Categories, double Seconds, string Message);

/// <summary>What applying the rules to one item changes.</summary>
public sealed record RuleChange(string ItemId, string Title, IReadOnlyList<string> AddedTags, IReadOnlyList<string> RemovedTags, string? Category, string? Status, IReadOnlyList<string> Rules);

public sealed partial class KnowledgeBase
{
    private const string ClassifierModelName = "learned-classifier";
    private readonly IClassificationStore _classificationStore;
    private readonly ClassificationState _classification;

    /// <summary>Loads rules, rejections and the learned model for the next pipeline run, retraining when the user's labels changed.</summary>
    private async Task RefreshClassificationAsync(CancellationToken cancellationToken)
    {
        var rules = await LoadRuleMatchersAsync(enabledOnly: true, cancellationToken).ConfigureAwait(false);
        var rejections = await _classificationStore.ReadRejectionsAsync(cancellationToken).ConfigureAwait(false);
        var classifier = Options.Classification.Learn ? (await LoadOrTrainAsync(force: false, cancellationToken).ConfigureAwait(false)).Classifier : null;
        _classification.Current = new ClassificationSnapshot(rules, classifier, rejections, Options.Classification);
    }

    /// <summary>Trains the learned classifier on the user's labels now (it also retrains by itself when they change).</summary>
    public async Task<TrainingReport> TrainClassifierAsync(bool force, CancellationToken cancellationToken)
    {
        var (_, report) = await LoadOrTrainAsync(force, cancellationToken).ConfigureAwait(false);
        await ProcessQueueAsync(null, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>The user's rules compiled for matching (all of them, or only the enabled ones).</summary>
    private async Task<IReadOnlyList<RuleMatcher>> LoadRuleMatchersAsync(bool enabledOnly, CancellationToken cancellationToken) =>
        (await _classificationStore.ListRulesAsync(cancellationToken).ConfigureAwait(false)).Where(rule => rule.Enabled || !enabledOnly).Select(rule => new RuleMatcher(rule)).ToArray();

    /// <summary>The last trained classifier, whatever labels it was trained on; null when there is none (or it is from another version).</summary>
    private async Task<LearnedClassifier?> LoadStoredClassifierAsync(CancellationToken cancellationToken)
    {
        var stored = await _classificationStore.GetModelAsync(ClassifierModelName, cancellationToken).ConfigureAwait(false);
        try
        {
            return stored is null ? null : LearnedClassifier.Deserialize(stored.Data);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private async Task<(LearnedClassifier? Classifier, TrainingReport Report)> LoadOrTrainAsync(bool force, CancellationToken cancellationToken)
    {
        var version = await _classificationStore.GetLabelsVersionAsync(cancellationToken).ConfigureAwait(false);
        var stored = await _classificationStore.GetModelAsync(ClassifierModelName, cancellationToken).ConfigureAwait(false);
        if (!force && stored is not null && stored.LabelsVersion == version)
        {
            try
            {
                var loaded = LearnedClassifier.Deserialize(stored.Data);
                return (loaded, new TrainingReport(false, loaded.DocumentCount, loaded.Tags.Labels.Length, loaded.Categories.Labels.Length, 0, "up to date: no labels changed since the last training"));
            }
            catch (InvalidDataException)
            {
                // Written by another version: train again below.
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var documents = await _classificationStore.ReadLabelledDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var options = new ClassifierTrainingOptions { MinExamples = Options.Classification.MinExamples };
        var classifier = documents.Count == 0 ? null : await Task.Run(() => LearnedClassifier.Train(documents, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (classifier is null || (classifier.Tags.Labels.Length == 0 && classifier.Categories.Labels.Length == 0))
        {
            return (null, new TrainingReport(false, documents.Count, 0, 0, clock.Elapsed.TotalSeconds,
                $"nothing to learn yet: a tag or category needs at least {Options.Classification.MinExamples} items you labelled ({documents.Count} labelled so far)"));
        }

        await _classificationStore.SaveModelAsync(ClassifierModelName, new StoredModel(classifier.Serialize(), version, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        // What the old model tagged is judged again by the new one (in this run, when called before the pipeline).
        await _classificationStore.RequeueLearnedAsync(cancellationToken).ConfigureAwait(false);
        return (classifier, new TrainingReport(true, documents.Count, classifier.Tags.Labels.Length, classifier.Categories.Labels.Length, clock.Elapsed.TotalSeconds,
            $"trained on {documents.Count:N0} labelled items: {classifier.Tags.Labels.Length} tags, {classifier.Categories.Labels.Length} categories"));
    }

    /// <summary>Explains each tag and the category of an item: who set it and, for learned ones, the words that argued for it.</summary>
    public async Task<(Item Item, IReadOnlyList<TagExplanation> Explanations)> ExplainAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var item = await GetAsync(idOrPrefix, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"no item matches '{idOrPrefix}'");
        // Explaining reads the stored model; it never trains (training re-queues items, which a read must not do).
        var classifier = await LoadStoredClassifierAsync(cancellationToken).ConfigureAwait(false);
        var rules = await LoadRuleMatchersAsync(enabledOnly: false, cancellationToken).ConfigureAwait(false);
        var sources = await _classificationStore.ReadItemSourcesAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var matching = rules.Where(rule => rule.Matches(item, sources)).Select(rule => rule.Rule).ToArray();
        var vector = classifier?.Vectorize(item.Title, item.Text);
        var explanations = new List<TagExplanation>();
        foreach (var tag in item.Tags)
        {
            explanations.Add(Explain(tag.Name, tag.Origin, tag.Confidence, isCategory: false));
        }

        if (item.Category is { } category)
        {
            explanations.Add(Explain(category, item.CategoryOrigin ?? TagOrigin.User, item.CategoryConfidence ?? 1, isCategory: true));
        }

        return (item, explanations);

        TagExplanation Explain(string name, TagOrigin origin, double confidence, bool isCategory)
        {
            switch (origin)
            {
                case TagOrigin.Rule:
                    var by = matching.Where(rule => isCategory ? rule.Then.Category == name : rule.Then.Tags.Any(tag => ItemTag.Normalize(tag) == name)).Select(rule => rule.DisplayName).ToArray();
                    return new TagExplanation(name, origin, confidence, by.Length == 0 ? "from a rule that no longer matches (re-run `strata rule apply`)" : "rule " + string.Join(", ", by), [], isCategory);
                case TagOrigin.Learned when classifier is not null && vector is { } v:
                    var evidence = isCategory
                        ? classifier.PredictCategory(v, 8)?.Evidence ?? []
                        : classifier.PredictTags(v, 0, 8).FirstOrDefault(label => label.Label == name)?.Evidence ?? [];
                    return new TagExplanation(name, origin, confidence, $"learned from {classifier.DocumentCount:N0} items you labelled; strongest words:", evidence, isCategory);
                case TagOrigin.Source:
                    return new TagExplanation(name, origin, confidence, "a default of the source that collected it", [], isCategory);
                case TagOrigin.User:
                    return new TagExplanation(name, origin, confidence, "set by you", [], isCategory);
                default:
                    return new TagExplanation(name, origin, confidence, $"suggested by the {origin.ToString().ToLowerInvariant()} classifier", [], isCategory);
            }
        }
    }

    /// <summary>Runs classification again on every item in the base (after training, say); returns how many.</summary>
    public async Task<int> ReclassifyAllAsync(CancellationToken cancellationToken)
    {
        var count = await _classificationStore.RequeueForEnrichmentAsync(null, cancellationToken).ConfigureAwait(false);
        await ProcessQueueAsync(null, cancellationToken).ConfigureAwait(false);
        return count;
    }

    public Task<IReadOnlyList<PendingSuggestion>> ListSuggestionsAsync(int limit, CancellationToken cancellationToken) =>
        _classificationStore.ListSuggestionsAsync(limit, cancellationToken);

    /// <summary>Accepts or rejects a suggested (or machine-applied) tag; the item is re-indexed and the classifier learns from it.</summary>
    public async Task<bool> DecideSuggestionAsync(string idOrPrefix, string tag, bool accept, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (id is null)
        {
            return false;
        }

        var decided = await _classificationStore.DecideSuggestionAsync(id, tag, accept, cancellationToken).ConfigureAwait(false);
        if (decided)
        {
            await ProcessQueueAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return decided;
    }
}
