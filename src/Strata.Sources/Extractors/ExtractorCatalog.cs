using Strata.Core.Extraction;
using Strata.Sources.Extractors.Docx;
using Strata.Sources.Extractors.Html;
using Strata.Sources.Extractors.Markdown;
using Strata.Sources.Extractors.Pdf;
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
}
