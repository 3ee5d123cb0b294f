using Strata.Core.Extraction;
using Strata.Sources.Extractors.Pdf;
using Strata.Testing.Documents;
using Xunit;

namespace Strata.Sources.Tests.Extractors.Pdf;

public sealed class PdfExtractorTests
{
    private const string First = "Notes are only useful when you can find them again, so every note gets a clear title and a few links.";
    private const string Second = "Review old notes weekly; the act of rereading turns scattered fragments into understanding.";
    private const string Third = "Search beats folders once the collection grows past a few hundred notes.";

    private readonly PdfExtractor _extractor = new();

    [Fact]
    public async Task ExtractAsync_ThreePages_PageSpansCoverEachPagesText()
    {
        var pdf = new PdfBuilder()
            .AddPage("Finding notes", First)
            .AddPage("Reviewing notes", Second)
            .AddPage("Searching notes", Third)
            .Build();

        var document = await ExtractAsync(pdf);

        Assert.Equal([1, 2, 3], document.Pages.Select(p => p.Number));
        string[] expected = [First, Second, Third];
        string[] headings = ["Finding notes", "Reviewing notes", "Searching notes"];
        for (var i = 0; i < 3; i++)
        {
            var span = document.Pages[i];
            var pageText = document.Text.Substring(span.Start, span.Length);
            Assert.Equal($"{headings[i]}\n\n{expected[i]}", pageText);
        }

        Assert.Equal("\n\n", document.Text.Substring(document.Pages[0].Start + document.Pages[0].Length, 2));
        Assert.Equal(document.Text.Length, document.Pages[2].Start + document.Pages[2].Length);
    }

    [Fact]
    public async Task ExtractAsync_WrappedParagraphs_RebuildsParagraphsSeparatedByBlankLine()
    {
        var long1 = string.Join(' ', Enumerable.Repeat(First, 3));
        var pdf = new PdfBuilder().AddPage(null, long1, Second).Build();

        var document = await ExtractAsync(pdf);

        Assert.Equal($"{long1}\n\n{Second}", document.Text);
    }

    [Fact]
    public async Task ExtractAsync_HyphenatedLineBreak_JoinsTheWord()
    {
        var pdf = new PdfBuilder().AddPage(null, "Good notes capture infor-\nmation in your own words, not a copy-\nPaste of the source.").Build();

        var document = await ExtractAsync(pdf);

        Assert.Equal("Good notes capture information in your own words, not a copy- Paste of the source.", document.Text);
    }

    [Fact]
    public async Task ExtractAsync_DocumentInformation_FillsTitleAuthorAndPublished()
    {
        var created = new DateTimeOffset(2024, 5, 17, 9, 30, 0, TimeSpan.Zero);
        var pdf = new PdfBuilder().WithTitle("On Index Cards").WithAuthor("Ada Writer").WithCreated(created)
            .AddPage("Something else", First).Build();

        var document = await ExtractAsync(pdf);

        Assert.Equal("On Index Cards", document.Title);
        Assert.Equal("Ada Writer", document.Byline);
        Assert.Equal(created, document.Published);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Microsoft Word - draft3.docx")]
    [InlineData("untitled")]
    public async Task ExtractAsync_NoMeaningfulInfoTitle_UsesLargestLineOfFirstPage(string? infoTitle)
    {
        var builder = new PdfBuilder();
        if (infoTitle is not null)
        {
            builder.WithTitle(infoTitle);
        }

        var pdf = builder.AddPage("The Slip Box Method", First, Second).AddPage("Later heading", Third).Build();

        var document = await ExtractAsync(pdf);

        Assert.Equal("The Slip Box Method", document.Title);
    }

    [Fact]
    public async Task ExtractAsync_TruncatedPdf_ThrowsDamaged()
    {
        var pdf = new PdfBuilder().AddPage("One", First).AddPage("Two", Second).Build();

        var error = await Assert.ThrowsAsync<ExtractionException>(() => ExtractAsync(PdfBuilder.Truncate(pdf)));

        Assert.StartsWith("the PDF is damaged or truncated: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_NotReallyPdf_ThrowsDamaged()
    {
        var error = await Assert.ThrowsAsync<ExtractionException>(() => ExtractAsync("%PDF-1.7\nthis is not a pdf"u8.ToArray()));

        Assert.StartsWith("the PDF is damaged or truncated: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_EncryptedPdf_ThrowsNeedsPassword()
    {
        var error = await Assert.ThrowsAsync<ExtractionException>(() => ExtractAsync(PdfBuilder.Encrypted()));

        Assert.Equal("the PDF is encrypted and needs a password", error.Message);
    }

    [Fact]
    public async Task ExtractAsync_OnlyBlankPages_ThrowsNoTextLayer()
    {
        var pdf = new PdfBuilder().AddBlankPage().AddBlankPage().Build();

        var error = await Assert.ThrowsAsync<ExtractionException>(() => ExtractAsync(pdf));

        Assert.Equal("the PDF has no text layer (scanned images?)", error.Message);
    }

    [Fact]
    public async Task ExtractAsync_BlankPageBetweenTextPages_KeepsEmptySpan()
    {
        var pdf = new PdfBuilder().AddPage(null, First).AddBlankPage().AddPage(null, Third).Build();

        var document = await ExtractAsync(pdf);

        Assert.Equal(0, document.Pages[1].Length);
        Assert.Equal(Third, document.Text.Substring(document.Pages[2].Start, document.Pages[2].Length));
    }

    [Fact]
    public async Task ExtractAsync_CancelledToken_ThrowsOperationCanceled()
    {
        var pdf = new PdfBuilder().AddPage(null, First).Build();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _extractor.ExtractAsync(new ExtractionInput(pdf, MediaTypes.Pdf), new CancellationToken(canceled: true)));
    }

    private Task<ExtractedDocument> ExtractAsync(byte[] pdf) =>
        _extractor.ExtractAsync(new ExtractionInput(pdf, MediaTypes.Pdf), CancellationToken.None);
}
