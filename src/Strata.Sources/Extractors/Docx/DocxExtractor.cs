using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using Strata.Core.Extraction;

namespace Strata.Sources.Extractors.Docx;

/// <summary>
/// Converts a Word document to Markdown: headings, nested bulleted and numbered lists, tables,
/// bold, italic and hyperlinks. The ZIP directory is checked for bombs before anything is inflated.
/// Stateless and thread-safe. Throws <see cref="ExtractionException"/> for damaged or oversized files.
/// </summary>
public sealed class DocxExtractor : IExtractor
{
    /// <summary>The default cap on the total uncompressed size of a DOCX: 200 MB.</summary>
    public const long DefaultMaxUncompressedBytes = 200L * 1024 * 1024;

    private const string ListIndent = "   ";

    private readonly long _maxUncompressedBytes;

    /// <param name="maxUncompressedBytes">Reject archives whose parts declare more than this many bytes in total.</param>
    public DocxExtractor(long maxUncompressedBytes = DefaultMaxUncompressedBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxUncompressedBytes);
        _maxUncompressedBytes = maxUncompressedBytes;
    }

    public bool CanExtract(string mediaType) => string.Equals(mediaType, MediaTypes.Docx, StringComparison.OrdinalIgnoreCase);

    public Task<ExtractedDocument> ExtractAsync(ExtractionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        DocxArchiveGuard.Check(input.Content, _maxUncompressedBytes);
        try
        {
            using var stream = new MemoryStream(input.Content.ToArray(), writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            return Task.FromResult(Extract(document, cancellationToken));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException)
        {
            throw new ExtractionException($"the DOCX is damaged: {ex.Message}", ex);
        }
    }

    private static ExtractedDocument Extract(WordprocessingDocument document, CancellationToken cancellationToken)
    {
        var mainPart = document.MainDocumentPart
            ?? throw new ExtractionException("the DOCX is damaged: it has no main document part");
        var body = mainPart.Document?.Body
            ?? throw new ExtractionException("the DOCX is damaged: its document has no body");
        var styles = new DocxStyles(mainPart);
        var blocks = new List<string>();
        string? firstHeading = null;
        var inList = false;

        foreach (var element in body.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? block = null;
            var isListItem = false;
            if (element is Paragraph paragraph)
            {
                var text = DocxInlineWriter.Write(paragraph, mainPart);
                if (text.Length == 0)
                {
                    continue;
                }

                var level = styles.HeadingLevel(paragraph);
                var item = level == 0 ? styles.ListItem(paragraph) : null;
                if (level > 0)
                {
                    firstHeading ??= PlainHeading(paragraph);
                    block = new string('#', level) + " " + text;
                }
                else if (item is { } list)
                {
                    isListItem = true;
                    block = string.Concat(Enumerable.Repeat(ListIndent, list.Level)) + (list.Numbered ? "1. " : "- ") + text;
                }
                else
                {
                    block = text;
                }
            }
            else if (element is Table table)
            {
                block = DocxTableWriter.Write(table, mainPart);
            }

            if (string.IsNullOrEmpty(block))
            {
                continue;
            }

            // List items sit on consecutive lines; every other block is its own paragraph.
            blocks.Add(isListItem && inList ? "\n" + block : (blocks.Count > 0 ? "\n\n" : string.Empty) + block);
            inList = isListItem;
        }

        var core = document.PackageProperties;
        return new ExtractedDocument
        {
            Text = string.Concat(blocks),
            Title = Clean(core.Title) ?? firstHeading,
            Byline = Clean(core.Creator),
            Published = core.Created is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
            Language = Clean(core.Language),
            Excerpt = Clean(core.Description),
            Tags = SplitKeywords(core.Keywords),
        };
    }

    private static string PlainHeading(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var text in paragraph.Descendants<WordText>())
        {
            builder.Append(text.Text);
        }

        return builder.ToString().Trim();
    }

    private static string[] SplitKeywords(string? keywords) =>
        string.IsNullOrWhiteSpace(keywords)
            ? []
            : keywords.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
