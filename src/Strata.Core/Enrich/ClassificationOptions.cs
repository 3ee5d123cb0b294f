namespace Strata.Core.Enrich;

/// <summary>How sure the classifiers must be (bound from the <c>Classification</c> section of strata.json).</summary>
public sealed class ClassificationOptions
{
    /// <summary>Learned tags at or above this probability are applied.</summary>
    public double ApplyThreshold { get; set; } = 0.7;

    /// <summary>Learned tags between this and <see cref="ApplyThreshold"/> wait in the review inbox; below it, nothing.</summary>
    public double SuggestThreshold { get; set; } = 0.35;

    /// <summary>At most this many suggestions per item, the most probable first.</summary>
    public int MaxSuggestionsPerItem { get; set; } = 3;

    /// <summary>A learned category is set (on items with none) at or above this share of probability.</summary>
    public double CategoryThreshold { get; set; } = 0.6;

    /// <summary>A category described in words is given to an item whose best passage is at least this similar (cosine) to the description.</summary>
    public double SemanticThreshold { get; set; } = 0.5;

    /// <summary>A tag or category needs this many labelled items before it is learned.</summary>
    public int MinExamples { get; set; } = 3;

    /// <summary>Turns the learned classifier off (rules still apply).</summary>
    public bool Learn { get; set; } = true;

    public IEnumerable<string> Validate()
    {
        if (ApplyThreshold is <= 0 or > 1 || SuggestThreshold is <= 0 or > 1 || SuggestThreshold > ApplyThreshold)
        {
            yield return "Classification thresholds must be in (0, 1] with SuggestThreshold ≤ ApplyThreshold";
        }

        if (MinExamples < 1)
        {
            yield return "Classification.MinExamples must be at least 1";
        }
    }
}
