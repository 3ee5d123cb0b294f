namespace Strata.Storage.Sqlite.Ranking;

/// <summary>A word's (or phrase's) live postings: documents with their column-weighted frequencies.</summary>
internal sealed class TermPostings
{
    public List<int> Documents { get; } = new(256);

    public List<float> Frequencies { get; } = new(256);

    public int Count => Documents.Count;
}
