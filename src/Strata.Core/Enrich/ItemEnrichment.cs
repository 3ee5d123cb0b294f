using Strata.Core.Items;

namespace Strata.Core.Enrich;

/// <summary>
/// What the enrichment step derived from an item's text besides its tags and category (which it sets on the item):
/// persisted with the item in the same transaction.
/// </summary>
/// <param name="Keywords">The item's keywords against the corpus, best first.</param>
/// <param name="SimHash">A 64-bit SimHash of the text's shingles; null when the text is too short to compare.</param>
/// <param name="References">URLs, DOIs and arXiv ids cited in the text.</param>
/// <param name="Suggestions">Tags proposed below the apply threshold: they wait in the review inbox.</param>
public sealed record ItemEnrichment(
    IReadOnlyList<Keyword> Keywords,
    ulong? SimHash,
    IReadOnlyList<Reference> References,
    IReadOnlyList<TagSuggestion> Suggestions)
{
    public static ItemEnrichment Empty { get; } = new([], null, [], []);
}

/// <summary>A keyword or keyphrase as it appears in the text, with its TF-IDF weight.</summary>
public sealed record Keyword(string Text, double Weight);

/// <summary>A tag a classifier or rule proposes, with who proposes it and how sure it is.</summary>
public sealed record TagSuggestion(string Tag, TagOrigin Origin, double Confidence);

/// <summary>Something an item cites.</summary>
public sealed record Reference(ReferenceKind Kind, string Value);

public enum ReferenceKind
{
    Url,
    Doi,
    Arxiv,
}
