using Strata.Core.Extraction;
using Strata.Sources.Extractors.Docx;
using Strata.Sources.Extractors.Html;
using Strata.Sources.Extractors.Markdown;
using Strata.Sources.Extractors.Pdf;
using Strata.Sources.Extractors.Sniffing;
using Strata.Sources.Extractors.Text;

namespace Strata.Sources.Extractors;

/// <summary>Every extractor Strata has, in the order they are asked; each is stateless, so one instance serves all.</summary>
public static class ExtractorCatalog
{
    public static IReadOnlyList<IExtractor> All { get; } =
    [
        new HtmlArticleExtractor(),
        new PdfExtractor(),
        new DocxExtractor(),
        new MarkdownExtractor(),
        new PlainTextExtractor(),
    ];

    /// <summary>
    /// Sniffs the format from the bytes (the name and a declared type are hints only) and extracts with the first
    /// extractor that takes it. Returns the document and the media type it was read as.
    /// </summary>
    /// <exception cref="ExtractionException">The bytes are not a document Strata reads, or the extractor refused them.</exception>
    public static async Task<(ExtractedDocument Document, string MediaType)> ExtractAsync(
        byte[] bytes, string? fileName, string? declaredMediaType, Uri? sourceUri, string? declaredCharset, CancellationToken cancellationToken, IReadOnlyList<IExtractor>? extractors = null)
    {
        var mediaType = ContentSniffer.Sniff(bytes, fileName, declaredMediaType);
        var extractor = (extractors ?? All).FirstOrDefault(candidate => candidate.CanExtract(mediaType))
            ?? throw new ExtractionException(mediaType switch
            {
                MediaTypes.OctetStream => "binary content, not a document (checked the bytes, not just the name)",
                MediaTypes.Zip => "a ZIP archive, not a document",
                _ => $"unsupported format '{mediaType}'",
            });
        var input = new ExtractionInput(bytes, mediaType) { FileName = fileName, SourceUri = sourceUri, DeclaredCharset = declaredCharset };
        return (await extractor.ExtractAsync(input, cancellationToken).ConfigureAwait(false), mediaType);
    }
}
