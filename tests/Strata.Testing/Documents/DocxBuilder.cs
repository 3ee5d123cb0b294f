using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Strata.Testing.Documents;

/// <summary>One run of text in a <see cref="DocxBuilder"/> paragraph.</summary>
public sealed record DocxRun(string Text, bool Bold = false, bool Italic = false, Uri? Link = null);

/// <summary>
/// Builds small Word documents for tests: headings (styles Heading1..6 and Title, plus custom
/// styles with an outline level), paragraphs with bold/italic/links, bulleted and numbered lists,
/// tables and core properties.
/// </summary>
public sealed class DocxBuilder
{
    private const int BulletList = 1;
    private const int NumberedList = 2;

    private readonly List<Action<MainDocumentPart, Body>> _content = [];
    private readonly Dictionary<string, int> _customStyles = [];
    private string? _title;
    private string? _author;

    public DocxBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    public DocxBuilder WithAuthor(string author)
    {
        _author = author;
        return this;
    }

    /// <summary>Declares a paragraph style that has no heading name but the given outline level (0 = level 1).</summary>
    public DocxBuilder WithOutlineStyle(string styleId, int outlineLevel)
    {
        _customStyles[styleId] = outlineLevel;
        return this;
    }

    public DocxBuilder Heading(int level, string text) => Styled($"Heading{level}", text);

    public DocxBuilder Title(string text) => Styled("Title", text);

    public DocxBuilder Styled(string styleId, string text) => Add((_, body) => body.Append(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = styleId }),
        new Run(new Text(text)))));

    public DocxBuilder Paragraph(string text) => Paragraph(new DocxRun(text));

    public DocxBuilder Paragraph(params DocxRun[] runs) => Add((main, body) => body.Append(new Paragraph(runs.Select(r => Run(main, r)))));

    public DocxBuilder Bullet(string text, int level = 0) => ListItem(BulletList, text, level);

    public DocxBuilder Numbered(string text, int level = 0) => ListItem(NumberedList, text, level);

    public DocxBuilder Table(params string[][] rows) => Add((_, body) =>
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
        table.Append(rows.Select(r => new TableRow(r.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))))));
        body.Append(table);
    });

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            foreach (var add in _content)
            {
                add(main, main.Document.Body!);
            }

            document.PackageProperties.Title = _title;
            document.PackageProperties.Creator = _author;
        }

        return stream.ToArray();
    }

    private DocxBuilder Add(Action<MainDocumentPart, Body> add)
    {
        _content.Add(add);
        return this;
    }

    private DocxBuilder ListItem(int numId, string text, int level) => Add((_, body) => body.Append(new Paragraph(
        new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
        new Run(new Text(text)))));

    private static OpenXmlElement Run(MainDocumentPart main, DocxRun run)
    {
        var properties = new RunProperties();
        if (run.Bold)
        {
            properties.Append(new Bold());
        }

        if (run.Italic)
        {
            properties.Append(new Italic());
        }

        var element = new Run(properties, new Text(run.Text) { Space = SpaceProcessingModeValues.Preserve });
        if (run.Link is null)
        {
            return element;
        }

        var relationship = main.AddHyperlinkRelationship(run.Link, isExternal: true);
        return new Hyperlink(element) { Id = relationship.Id };
    }

    private Styles Styles()
    {
        var styles = new Styles();
        for (var level = 1; level <= 6; level++)
        {
            styles.Append(ParagraphStyle($"Heading{level}", $"heading {level}", level - 1));
        }

        styles.Append(ParagraphStyle("Title", "Title", null));
        foreach (var (id, outline) in _customStyles)
        {
            styles.Append(ParagraphStyle(id, id + " style", outline));
        }

        return styles;
    }

    private static Style ParagraphStyle(string id, string name, int? outlineLevel)
    {
        var properties = new StyleParagraphProperties();
        if (outlineLevel is { } level)
        {
            properties.Append(new OutlineLevel { Val = level });
        }

        return new Style(new StyleName { Val = name }, properties) { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static Numbering Numbering() => new(
        AbstractList(BulletList, NumberFormatValues.Bullet, "•"),
        AbstractList(NumberedList, NumberFormatValues.Decimal, "%1."),
        new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList },
        new NumberingInstance(new AbstractNumId { Val = NumberedList }) { NumberID = NumberedList });

    private static AbstractNum AbstractList(int id, NumberFormatValues format, string text) => new(
        Enumerable.Range(0, 3).Select(level => new Level(
            new NumberingFormat { Val = format },
            new LevelText { Val = text }) { LevelIndex = level }))
    {
        AbstractNumberId = id,
    };
}
