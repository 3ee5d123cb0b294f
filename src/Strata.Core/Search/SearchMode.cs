namespace Strata.Core.Search;

/// <summary>How a search ranks: BM25 keywords, embedding similarity, or both fused by reciprocal rank.</summary>
public enum SearchMode
{
    /// <summary>Hybrid when embeddings exist, keyword otherwise.</summary>
    Auto,
    Keyword,
    Semantic,
    Hybrid,
}
