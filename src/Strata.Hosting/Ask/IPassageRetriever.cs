namespace Strata.Hosting.Ask;

/// <summary>
/// Finds the passages most likely to answer a question, best first, each with the share of the question's terms
/// it covers. The keyword implementation is <see cref="KeywordPassageRetriever"/>; a hybrid (keyword + vector)
/// retriever over stored chunks plugs in here. Thread-safe; an empty list means nothing relevant was found.
/// </summary>
public interface IPassageRetriever
{
    Task<IReadOnlyList<Passage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken);
}
