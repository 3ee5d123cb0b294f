using System.IO.Compression;
using Strata.Core.Extraction;
using Strata.Sources.Encoding;
using Strata.Sources.Extractors.Sniffing;
using Strata.Testing.Documents;
using Xunit;

namespace Strata.Sources.Tests.Extractors.Sniffing;

public sealed class ContentSnifferTests
{
    private static readonly byte[] HtmlPage = System.Text.Encoding.UTF8.GetBytes(
        "\uFEFF  <!-- saved page -->\n<!DOCTYPE html><html><head><title>T</title></head><body><p>Hi</p></body></html>");

    [Fact]
    public void Sniff_PdfNamedTxt_ReturnsPdf()
    {
        var pdf = new PdfBuilder().AddPage("Heading", "Body text.").Build();

        Assert.Equal(MediaTypes.Pdf, ContentSniffer.Sniff(pdf, "notes.txt", "text/plain"));
    }

    [Fact]
    public void Sniff_HtmlNamedDat_ReturnsHtml()
    {
        Assert.Equal(MediaTypes.Html, ContentSniffer.Sniff(HtmlPage, "download.dat", null));
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(11, false)]
    public void Sniff_BinaryGarbageNamedHtml_ReturnsOctetStream(int seed, bool allowNul)
    {
        var garbage = new byte[4096];
        new Random(seed).NextBytes(garbage);
        if (!allowNul)
        {
            garbage = [.. garbage.Select(b => b == 0 ? (byte)1 : b)];
        }

        Assert.Equal(MediaTypes.OctetStream, ContentSniffer.Sniff(garbage, "index.html", "text/html"));
    }

    [Fact]
    public void Sniff_DocxBytes_ReturnsDocx()
    {
        var docx = new DocxBuilder().Heading(1, "Title").Paragraph("Body").Build();

        Assert.Equal(MediaTypes.Docx, ContentSniffer.Sniff(docx, "report.bin", null));
    }

    [Fact]
    public void Sniff_PlainZipNamedDocx_ReturnsZip()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        Assert.Equal(MediaTypes.Zip, ContentSniffer.Sniff(stream.ToArray(), "fake.docx", MediaTypes.Docx));
    }

    [Theory]
    [InlineData("notes.md")]
    [InlineData("notes.MARKDOWN")]
    [InlineData("page.mdx")]
    public void Sniff_MarkdownExtension_ReturnsMarkdown(string fileName)
    {
        Assert.Equal(MediaTypes.Markdown, ContentSniffer.Sniff("Just a line of text."u8, fileName, null));
    }

    [Fact]
    public void Sniff_FrontMatterWithoutExtension_ReturnsMarkdown()
    {
        var text = "---\ntitle: Notes\ntags: [a, b]\n---\nSome body text.\n"u8;

        Assert.Equal(MediaTypes.Markdown, ContentSniffer.Sniff(text, "notes", null));
    }

    [Fact]
    public void Sniff_HeadingsAndLists_ReturnsMarkdown()
    {
        var text = "# Reading list\n\nThings to read:\n\n- [Zettelkasten](https://example.org/z)\n- Spaced repetition\n"u8;

        Assert.Equal(MediaTypes.Markdown, ContentSniffer.Sniff(text, null, null));
    }

    [Fact]
    public void Sniff_Prose_ReturnsPlainText()
    {
        var text = "Dear diary,\nToday I read about index cards.\nThey are # not markdown.\n"u8;

        Assert.Equal(MediaTypes.PlainText, ContentSniffer.Sniff(text, "diary.txt", null));
    }

    [Fact]
    public void Sniff_Gb18030Text_ReturnsPlainText()
    {
        var gb18030 = TextDecoder.TryGetEncoding("gb18030")!;
        var bytes = gb18030.GetBytes(string.Concat(Enumerable.Repeat("知识库是个人的第二大脑，帮助我们记住读过的内容。\n", 40)));

        Assert.Equal(MediaTypes.PlainText, ContentSniffer.Sniff(bytes, null, null));
    }

    [Fact]
    public void Sniff_Utf16WithBom_ReturnsPlainText()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("Plain words in UTF-16.")).ToArray();

        Assert.Equal(MediaTypes.PlainText, ContentSniffer.Sniff(bytes, null, null));
    }

    [Fact]
    public void Sniff_DeclaredHtmlFragmentWithoutLeadingTag_ReturnsHtml()
    {
        var fragment = "Welcome back.\n<p>Your <b>notes</b> are ready.</p>"u8;

        Assert.Equal(MediaTypes.Html, ContentSniffer.Sniff(fragment, null, "text/html; charset=utf-8"));
        Assert.Equal(MediaTypes.PlainText, ContentSniffer.Sniff(fragment, null, null));
    }

    [Fact]
    public void Sniff_DeclaredPdfButTextBytes_ReturnsPlainText()
    {
        Assert.Equal(MediaTypes.PlainText, ContentSniffer.Sniff("not a pdf at all"u8, "paper.pdf", MediaTypes.Pdf));
    }

    [Fact]
    public void Sniff_DeclaredDocxButGarbage_ReturnsOctetStream()
    {
        byte[] bytes = [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10, 0x20];

        Assert.Equal(MediaTypes.OctetStream, ContentSniffer.Sniff(bytes, "paper.docx", MediaTypes.Docx));
    }

    [Fact]
    public void Sniff_XhtmlAfterXmlDeclaration_ReturnsHtml()
    {
        var xhtml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"u8;

        Assert.Equal(MediaTypes.Html, ContentSniffer.Sniff(xhtml, "page.xml", MediaTypes.Xml));
    }

    [Fact]
    public void Sniff_Utf8ChineseCutMidCharacter_ReturnsPlainText()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("间隔重复让记忆更持久。", 400)));

        Assert.Equal(MediaTypes.PlainText, ContentSniffer.Sniff(bytes.AsSpan(0, ContentSniffer.TextSampleBytes + 1), null, null));
    }
}
