using System.IO.Compression;
using Strata.Core.Extraction;
using Strata.Sources.Extractors.Docx;
using Strata.Testing.Documents;
using Xunit;

namespace Strata.Sources.Tests.Extractors.Docx;

public sealed class DocxExtractorTests
{
    private readonly DocxExtractor _extractor = new();

    [Fact]
    public async Task ExtractAsync_HeadingsByStyle_BecomeAtxHeadings()
    {
        var docx = new DocxBuilder()
            .Title("A Year of Notes")
            .Heading(2, "Capture")
            .Paragraph("Write it down.")
            .Heading(6, "Deep detail")
            .Build();

        var document = await ExtractAsync(docx);

        Assert.Equal("# A Year of Notes\n\n## Capture\n\nWrite it down.\n\n###### Deep detail", document.Text);
    }

    [Fact]
    public async Task ExtractAsync_CustomStyleWithOutlineLevel_BecomesHeading()
    {
        var docx = new DocxBuilder().WithOutlineStyle("ChapterTitle", 1).Styled("ChapterTitle", "Chapter one").Build();

        var document = await ExtractAsync(docx);

        Assert.Equal("## Chapter one", document.Text);
    }

    [Fact]
    public async Task ExtractAsync_NestedLists_BecomeMarkdownLists()
    {
        var docx = new DocxBuilder()
            .Paragraph("Habits:")
            .Bullet("Read daily")
            .Bullet("Fiction", 1)
            .Bullet("Take notes")
            .Numbered("Collect")
            .Numbered("Distil", 1)
            .Paragraph("Done.")
            .Build();

        var document = await ExtractAsync(docx);

        Assert.Equal(
            "Habits:\n\n- Read daily\n   - Fiction\n- Take notes\n1. Collect\n   1. Distil\n\nDone.",
            document.Text);
    }

    [Fact]
    public async Task ExtractAsync_Table_BecomesPipeTable()
    {
        var docx = new DocxBuilder().Table(["Tool", "Use"], ["Cards", "Recall | review"], ["Search"]).Build();

        var document = await ExtractAsync(docx);

        Assert.Equal("| Tool | Use |\n| --- | --- |\n| Cards | Recall \\| review |\n| Search |  |", document.Text);
    }

    [Fact]
    public async Task ExtractAsync_BoldItalicAndLink_BecomeInlineMarkdown()
    {
        var docx = new DocxBuilder().Paragraph(
            new DocxRun("Read "),
            new DocxRun("slowly ", Bold: true),
            new DocxRun("and "),
            new DocxRun("often", Italic: true),
            new DocxRun(", see "),
            new DocxRun("the guide", Link: new Uri("https://example.org/guide")),
            new DocxRun(".")).Build();

        var document = await ExtractAsync(docx);

        Assert.Equal("Read **slowly** and *often*, see [the guide](https://example.org/guide).", document.Text);
    }

    [Fact]
    public async Task ExtractAsync_CoreProperties_GiveTitleAndAuthor()
    {
        var docx = new DocxBuilder().WithTitle("Declared title").WithAuthor("Grace Reader").Heading(1, "Heading title").Build();

        var document = await ExtractAsync(docx);

        Assert.Equal("Declared title", document.Title);
        Assert.Equal("Grace Reader", document.Byline);
    }

    [Fact]
    public async Task ExtractAsync_NoCoreTitle_UsesFirstHeading()
    {
        var docx = new DocxBuilder().Paragraph("Intro line.").Heading(2, "First heading").Heading(1, "Second").Build();

        var document = await ExtractAsync(docx);

        Assert.Equal("First heading", document.Title);
    }

    [Fact]
    public async Task ExtractAsync_ZipBomb_ThrowsPossibleZipBomb()
    {
        var bomb = ZipOfZeros(300L * 1024 * 1024);

        var error = await Assert.ThrowsAsync<ExtractionException>(() => ExtractAsync(bomb));

        Assert.Equal("the DOCX expands to more than 200 MB (possible ZIP bomb)", error.Message);
    }

    [Fact]
    public async Task ExtractAsync_HighlyCompressedEntryUnderSizeLimit_ThrowsPossibleZipBomb()
    {
        var bomb = ZipOfZeros(20L * 1024 * 1024);

        var error = await Assert.ThrowsAsync<ExtractionException>(() => ExtractAsync(bomb));

        Assert.EndsWith("(possible ZIP bomb)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_SmallerLimit_ReportsThatLimit()
    {
        var docx = new DocxBuilder().Paragraph(new string('x', 3 * 1024 * 1024)).Build();

        var error = await Assert.ThrowsAsync<ExtractionException>(
            () => new DocxExtractor(maxUncompressedBytes: 1024 * 1024).ExtractAsync(new ExtractionInput(docx, MediaTypes.Docx), CancellationToken.None));

        Assert.Equal("the DOCX expands to more than 1 MB (possible ZIP bomb)", error.Message);
    }

    [Fact]
    public async Task ExtractAsync_CorruptZip_ThrowsDamaged()
    {
        var docx = new DocxBuilder().Paragraph("Hello").Build();

        var error = await Assert.ThrowsAsync<ExtractionException>(() => ExtractAsync(docx[..(docx.Length / 2)]));

        Assert.StartsWith("the DOCX is damaged: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_ZipWithoutDocumentPart_ThrowsDamaged()
    {
        var error = await Assert.ThrowsAsync<ExtractionException>(() => ExtractAsync(ZipOfZeros(10)));

        Assert.StartsWith("the DOCX is damaged: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_CancelledToken_ThrowsOperationCanceled()
    {
        var docx = new DocxBuilder().Paragraph("Hello").Build();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _extractor.ExtractAsync(new ExtractionInput(docx, MediaTypes.Docx), new CancellationToken(canceled: true)));
    }

    private Task<ExtractedDocument> ExtractAsync(byte[] docx) =>
        _extractor.ExtractAsync(new ExtractionInput(docx, MediaTypes.Docx), CancellationToken.None);

    /// <summary>A DOCX-shaped ZIP with one entry of <paramref name="size"/> zero bytes, written streaming.</summary>
    private static byte[] ZipOfZeros(long size)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(size > 1024 ? "word/document.xml" : "word/other.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var written = 0L; written < size; written += zeros.Length)
            {
                entry.Write(zeros, 0, (int)Math.Min(zeros.Length, size - written));
            }
        }

        return output.ToArray();
    }
}
