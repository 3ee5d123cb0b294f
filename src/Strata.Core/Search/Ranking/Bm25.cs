namespace Strata.Core.Search.Ranking;

/// <summary>
/// Okapi BM25 as the keyword index ranks with it: FTS5's column weighting (a title hit counts
/// <see cref="Constants.TitleWeight"/> body hits, a tag hit <see cref="Constants.TagWeight"/>) and document length over
/// all columns, with Lucene's always-positive idf so that a word in most documents still ranks by frequency.
/// </summary>
public static class Bm25
{
    public const double K1 = 1.2;

    public const double B = 0.75;

    /// <summary>Inverse document frequency of a term found in <paramref name="containing"/> of <paramref name="documents"/> documents.</summary>
    public static double Idf(long documents, long containing) =>
        Math.Log(1 + ((documents - containing + 0.5) / (containing + 0.5)));

    /// <summary>The column-weighted frequency of a term in one document.</summary>
    public static float WeightedFrequency(int title, int body, int tags) =>
        (float)((title * Constants.TitleWeight) + body + (tags * Constants.TagWeight));

    /// <summary>The length part of the denominator, <c>k1 (1 - b + b · length / average)</c>, computed once per document.</summary>
    public static float LengthNorm(int length, double averageLength) =>
        (float)(K1 * (1 - B + (B * length / Math.Max(averageLength, 1))));

    /// <summary>One term's contribution to a document's score.</summary>
    public static float Score(float idf, float weightedFrequency, float lengthNorm) =>
        idf * weightedFrequency * (float)(K1 + 1) / (weightedFrequency + lengthNorm);
}
