namespace Strata.Core.Storage;

/// <summary>
/// Keyword search cannot answer: the ranked keyword index is incomplete (being rebuilt, or written by another Strata
/// version) and the base no longer keeps the older full-text index to fall back on. Thrown instead of answering with
/// nothing; <c>strata reindex</c> (or a running daemon) rebuilds the index.
/// </summary>
public sealed class KeywordIndexUnavailableException(string message) : Exception(message)
{
    /// <summary>The message for a ranked index that must be rebuilt.</summary>
    public const string RebuildNeeded =
        "keyword search is unavailable until the keyword index is rebuilt: run `strata reindex` (a running daemon rebuilds it by itself)";
}
