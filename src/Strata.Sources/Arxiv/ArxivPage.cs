namespace Strata.Sources.Arxiv;

/// <summary>One page of arXiv API results, with the OpenSearch paging numbers the API reported.</summary>
/// <param name="TotalResults">Matches for the whole query, not just this page.</param>
/// <param name="StartIndex">Zero-based index of the first entry of this page.</param>
/// <param name="ItemsPerPage">Page size the API used.</param>
/// <param name="Entries">The papers, in the order the API returned them.</param>
public sealed record ArxivPage(int TotalResults, int StartIndex, int ItemsPerPage, IReadOnlyList<ArxivEntry> Entries);
