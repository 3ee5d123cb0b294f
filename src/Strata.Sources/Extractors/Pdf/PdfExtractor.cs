using System.Globalization;
using System.Text;
using Strata.Core.Extraction;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.Exceptions;

namespace Strata.Sources.Extractors.Pdf;

/// <summary>
/// Extracts a PDF's text layer page by page, paragraphs in reading order, pages separated by a blank
/// line and recorded in <see cref="ExtractedDocument.Pages"/>. Stateless and thread-safe.
/// Throws <see cref="ExtractionException"/> for damaged, encrypted or text-less PDFs, and
/// <see cref="OperationCanceledException"/> between pages when cancelled.
/// </summary>
public sealed class PdfExtractor : IExtractor
{
    private const string PageSeparator = "\n\n";

    public bool CanExtract(string mediaType) => string.Equals(mediaType, MediaTypes.Pdf, StringComparison.OrdinalIgnoreCase);

    public Task<ExtractedDocument> ExtractAsync(ExtractionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var document = PdfDocument.Open(input.Content.ToArray(), new ParsingOptions { UseLenientParsing = true });
            return Task.FromResult(Extract(document, cancellationToken));
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ExtractionException("the PDF is encrypted and needs a password", ex);
        }
        catch (Exception ex) when (ex is not (ExtractionException or OperationCanceledException or OutOfMemoryException))
        {
            throw new ExtractionException($"the PDF is damaged or truncated: {ex.Message}", ex);
        }
    }

    private static ExtractedDocument Extract(PdfDocument document, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var pages = new List<PageSpan>(document.NumberOfPages);
        IReadOnlyList<TextBlock> firstPage = [];
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blocks = PdfPageText.GetBlocks(document.GetPage(number));
            if (number == 1)
            {
                firstPage = blocks;
            }

            if (number > 1)
            {
                text.Append(PageSeparator);
            }

            var pageText = PdfPageText.ToText(blocks);
            pages.Add(new PageSpan(number, text.Length, pageText.Length));
            text.Append(pageText);
        }

        if (pages.All(p => p.Length == 0))
        {
            throw new ExtractionException("the PDF has no text layer (scanned images?)");
        }

        var info = document.Information;
        return new ExtractedDocument
        {
            Text = text.ToString(),
            Title = PdfTitle.Choose(info.Title, firstPage),
            Byline = Clean(info.Author),
            Published = TryGetCreated(info),
            Pages = pages,
            Metadata = BuildMetadata(info, document.NumberOfPages),
        };
    }

    private static DateTimeOffset? TryGetCreated(DocumentInformation info)
    {
        try
        {
            return info.GetCreatedDateTimeOffset();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> BuildMetadata(DocumentInformation info, int pageCount)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["pageCount"] = pageCount.ToString(CultureInfo.InvariantCulture),
        };
        AddIfPresent(metadata, "subject", info.Subject);
        AddIfPresent(metadata, "keywords", info.Keywords);
        AddIfPresent(metadata, "creator", info.Creator);
        AddIfPresent(metadata, "producer", info.Producer);
        return metadata;
    }

    private static void AddIfPresent(Dictionary<string, string> metadata, string key, string? value)
    {
        var cleaned = Clean(value);
        if (cleaned is not null)
        {
            metadata[key] = cleaned;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
