namespace Strata.Sources.Arxiv;

/// <summary>One paper version as listed by the arXiv API.</summary>
/// <param name="ArxivId">The id without version: <c>2401.01234</c> or old-style <c>hep-th/9901001</c>.</param>
/// <param name="Version">The listed version (1 when the API named none).</param>
/// <param name="Title">Whitespace collapsed to single spaces.</param>
/// <param name="Authors">Author names, in order.</param>
/// <param name="Categories">All category terms, primary usually first, without duplicates.</param>
/// <param name="PrimaryCategory">The primary category, when listed.</param>
/// <param name="Abstract">Hard line wraps joined; paragraphs (indented lines in the original) separated by a blank line.</param>
/// <param name="Published">When version 1 was submitted.</param>
/// <param name="Updated">When this version was submitted.</param>
/// <param name="AbsUrl">The abstract page of this version.</param>
/// <param name="PdfUrl">The PDF of this version, when listed.</param>
/// <param name="Doi">The DOI of the published paper, when the authors gave one.</param>
/// <param name="JournalRef">The journal reference, when given.</param>
/// <param name="Comment">The authors' comment (pages, figures, venue), when given.</param>
public sealed record ArxivEntry(
    string ArxivId,
    int Version,
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    string? PrimaryCategory,
    string Abstract,
    DateTimeOffset Published,
    DateTimeOffset Updated,
    Uri AbsUrl,
    Uri? PdfUrl,
    string? Doi,
    string? JournalRef,
    string? Comment);
