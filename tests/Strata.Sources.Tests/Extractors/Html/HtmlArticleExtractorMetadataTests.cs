using System.Text;
using Strata.Core.Extraction;
using Strata.Sources.Extractors.Html;
using Xunit;

namespace Strata.Sources.Tests.Extractors.Html;

public sealed class HtmlArticleExtractorMetadataTests
{
    private static readonly Uri BaseUri = new("https://example.org/news/2026/story.html");

    private readonly HtmlArticleExtractor _extractor = new();

    [Fact]
    public void Extract_MetaTags_ReadsTitleBylineDateSiteLanguageCanonicalAndExcerpt()
    {
        const string head = """
            <meta name="author" content="Ada Byron">
            <meta name="description" content="How a river town starts its day.">
            <meta property="article:published_time" content="2026-03-14T08:30:00+01:00">
            <meta property="og:site_name" content="The Valley Post">
            <link rel="canonical" href="/news/river-town">
            """;

        var document = _extractor.Extract(TestPages.WithBoilerplate(TestPages.Paragraphs, head), BaseUri);

        Assert.Equal("River Town Mornings", document.Title);
        Assert.Equal("Ada Byron", document.Byline);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 8, 30, 0, TimeSpan.FromHours(1)), document.Published);
        Assert.Equal("The Valley Post", document.SiteName);
        Assert.Equal("en", document.Language);
        Assert.Equal("https://example.org/news/river-town", document.CanonicalUrl);
        Assert.Equal("How a river town starts its day.", document.Excerpt);
    }

    [Fact]
    public void Extract_OpenGraph_UsesOgTitleDescriptionAndUrl()
    {
        const string head = """
            <title>Home page</title>
            <meta property="og:title" content="Fog over the ferry pier">
            <meta property="og:description" content="A morning by the water.">
            <meta property="og:url" content="https://example.org/p/42">
            """;

        var document = _extractor.Extract(TestPages.Simple(TestPages.Paragraphs, head), BaseUri);

        Assert.Equal("Fog over the ferry pier", document.Title);
        Assert.Equal("A morning by the water.", document.Excerpt);
        Assert.Equal("https://example.org/p/42", document.CanonicalUrl);
        Assert.Null(document.Language);
    }

    [Fact]
    public void Extract_JsonLd_ReadsHeadlineAuthorsPublisherAndDate()
    {
        const string head = """
            <title>Ignored title</title>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bakeries of the valley",
             "author": [{"@type": "Person", "name": "Ada Byron"}, {"@type": "Person", "name": "Charles Babbage"}],
             "publisher": {"@type": "Organization", "name": "Valley Media"}, "datePublished": "2026-01-02T03:04:05Z"}
            </script>
            """;

        var document = _extractor.Extract(TestPages.Simple(TestPages.Paragraphs, head), BaseUri);

        Assert.Equal("Bakeries of the valley", document.Title);
        Assert.Equal("Ada Byron, Charles Babbage", document.Byline);
        Assert.Equal("Valley Media", document.SiteName);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), document.Published);
    }

    [Fact]
    public void Extract_BylineElementAndTimeElement_FillMissingMetadata()
    {
        var html = TestPages.Simple("<p class=\"byline\">By <span itemprop=\"name\">Grace Hopper</span></p><time datetime=\"2025-12-24\">Christmas Eve</time>" + TestPages.Paragraphs);

        var document = _extractor.Extract(html, BaseUri);

        Assert.Equal("Grace Hopper", document.Byline);
        Assert.Equal(new DateTimeOffset(2025, 12, 24, 0, 0, 0, TimeSpan.Zero), document.Published);
        Assert.DoesNotContain("Grace Hopper", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_GbkPageDeclaredInMeta_DecodesChinese()
    {
        const string chinese = "长江沿岸的小镇清晨醒来，面包店一家接一家地开门，渡船在码头等待着从不急于赶路的乘客。历史学家说，这个定居点始于十八世纪的一个贸易站。";
        var html = TestPages.Simple($"<h1>小镇的早晨</h1><p>{chinese}</p><p>{chinese}</p>", "<meta charset=\"gbk\"><title>小镇的早晨</title>", "lang=\"zh-CN\"");

        var document = await _extractor.ExtractAsync(Input(html, "gb18030"), CancellationToken.None);

        Assert.Contains(chinese, document.Text, StringComparison.Ordinal);
        Assert.Equal("小镇的早晨", document.Title);
        Assert.Equal("zh", document.Language);
    }

    [Fact]
    public async Task ExtractAsync_ShiftJisPage_DecodesJapanese()
    {
        const string japanese = "川沿いの町はその朝ゆっくりと目を覚まし、パン屋が一軒ずつ店を開け、渡し船は急ぐことのない乗客を桟橋で待っていた。";
        var html = TestPages.Simple($"<p>{japanese}</p><p>{japanese}</p>", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><title>川の町の朝</title>", "lang=\"ja\"");

        var document = await _extractor.ExtractAsync(Input(html, "shift_jis"), CancellationToken.None);

        Assert.Contains(japanese, document.Text, StringComparison.Ordinal);
        Assert.Equal("ja", document.Language);
    }

    [Fact]
    public async Task ExtractAsync_XhtmlPage_ExtractsArticle()
    {
        var xhtml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"de\"><head><title>Der Fluss</title></head><body><article>" + TestPages.Paragraphs + "</article></body></html>";
        var input = new ExtractionInput(System.Text.Encoding.UTF8.GetBytes(xhtml), MediaTypes.Xhtml) { SourceUri = BaseUri };

        var document = await _extractor.ExtractAsync(input, CancellationToken.None);

        Assert.Contains("The river town woke slowly", document.Text, StringComparison.Ordinal);
        Assert.Equal("de", document.Language);
    }

    private static ExtractionInput Input(string html, string encodingName)
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding(encodingName).GetBytes(html);
        return new ExtractionInput(bytes, MediaTypes.Html) { SourceUri = BaseUri };
    }
}
