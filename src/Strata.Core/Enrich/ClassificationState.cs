using Strata.Core.Enrich.Classify;
using Strata.Core.Enrich.Rules;

namespace Strata.Core.Enrich;

/// <summary>What the classifying enrichers use during one pipeline run: rules, the learned model, rejections.</summary>
public sealed record ClassificationSnapshot(
    IReadOnlyList<RuleMatcher> Rules, LearnedClassifier? Classifier, IReadOnlySet<(string ItemId, string Tag)> Rejections, ClassificationOptions Options)
{
    public bool IsRejected(string itemId, string tag) => Rejections.Contains((itemId, tag));
}

/// <summary>Holds the current <see cref="ClassificationSnapshot"/>; refreshed before each pipeline run.</summary>
public sealed class ClassificationState(ClassificationOptions options)
{
    private volatile ClassificationSnapshot _current = new([], null, new HashSet<(string, string)>(), options);

    public ClassificationSnapshot Current
    {
        get => _current;
        set => _current = value;
    }
}
