using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Strata.Testing.Documents;

/// <summary>
/// Builds small text PDFs for tests and samples: A4 pages with an optional bold heading and
/// paragraphs in Helvetica, wrapped by character count. A paragraph holding <c>\n</c> keeps those
/// line breaks verbatim (to test hyphenation and line joining). Content that overflows a page throws.
/// </summary>
public sealed class PdfBuilder
{
    private const double Margin = 72;
    private const double HeadingSize = 20;
    private const double BodySize = 11;
    private const double Leading = 14;
    private const double ParagraphGap = 12;
    private const int WrapColumns = 80;

    private readonly List<(string? Heading, string[] Paragraphs)> _pages = [];
    private string? _title;
    private string? _author;
    private DateTimeOffset? _created;

    public PdfBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    public PdfBuilder WithAuthor(string author)
    {
        _author = author;
        return this;
    }

    public PdfBuilder WithCreated(DateTimeOffset created)
    {
        _created = created;
        return this;
    }

    /// <summary>Adds one page; <paramref name="heading"/> is drawn larger and bold when given.</summary>
    public PdfBuilder AddPage(string? heading, params string[] paragraphs)
    {
        _pages.Add((heading, paragraphs));
        return this;
    }

    /// <summary>Adds a page with no text at all (what a scanned page looks like to a text extractor).</summary>
    public PdfBuilder AddBlankPage() => AddPage(null);

    public byte[] Build()
    {
        using var builder = new PdfDocumentBuilder();
        var body = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        builder.DocumentInformation.Title = _title;
        builder.DocumentInformation.Author = _author;
        if (_created is { } created)
        {
            builder.DocumentInformation.CreationDate = created.ToUniversalTime().ToString("'D:'yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        }

        foreach (var (heading, paragraphs) in _pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var top = page.PageSize.Height - Margin;
            var y = top;
            if (heading is not null)
            {
                y -= HeadingSize;
                page.AddText(heading, HeadingSize, new PdfPoint(Margin, y), bold);
                y -= ParagraphGap * 2;
            }

            foreach (var paragraph in paragraphs)
            {
                foreach (var line in Lines(paragraph))
                {
                    y -= Leading;
                    if (y < Margin)
                    {
                        throw new InvalidOperationException("The page's text does not fit on one A4 page; split it across pages.");
                    }

                    page.AddText(line, BodySize, new PdfPoint(Margin, y), body);
                }

                y -= ParagraphGap;
            }
        }

        return builder.Build();
    }

    /// <summary>The first half of <paramref name="pdf"/>: a truncated download.</summary>
    public static byte[] Truncate(byte[] pdf) => pdf[..(pdf.Length / 2)];

    /// <summary>
    /// A hand-written one-page PDF whose trailer carries a Standard security handler /Encrypt
    /// dictionary that the empty password does not open.
    /// </summary>
    public static byte[] Encrypted()
    {
        var hash = string.Concat(Enumerable.Repeat("5A3C", 16));
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{hash}> /U <{hash}> /P -44 >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        var id = string.Concat(Enumerable.Repeat("0123456789ABCDEF", 2));
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{id}> <{id}>] >>\n");
        pdf.Append(CultureInfo.InvariantCulture, $"startxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static IEnumerable<string> Lines(string paragraph)
    {
        if (paragraph.Contains('\n', StringComparison.Ordinal))
        {
            return paragraph.Split('\n');
        }

        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > WrapColumns)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }
}
