using Strata.Core.Extraction;
using Strata.Sources.Extractors.Html;
using Xunit;

namespace Strata.Sources.Tests.Extractors.Html;

public sealed class HtmlArticleExtractorTests
{
    private static readonly Uri BaseUri = new("https://example.org/news/2026/story.html");

    private readonly HtmlArticleExtractor _extractor = new();

    [Theory]
    [InlineData("text/html", true)]
    [InlineData("application/xhtml+xml", true)]
    [InlineData("TEXT/HTML", true)]
    [InlineData("application/pdf", false)]
    [InlineData("text/plain", false)]
    public void CanExtract_MediaType_MatchesHtmlTypesOnly(string mediaType, bool expected) =>
        Assert.Equal(expected, _extractor.CanExtract(mediaType));

    [Fact]
    public void Extract_PageWithBoilerplate_KeepsArticleAndDropsNavFooterCommentsAdsAndScripts()
    {
        var document = _extractor.Extract(TestPages.WithBoilerplate(TestPages.Paragraphs), BaseUri);

        Assert.Contains("The river town woke slowly that morning", document.Text, StringComparison.Ordinal);
        Assert.Contains("share the same narrow lanes by the river.", document.Text, StringComparison.Ordinal);
        foreach (var boilerplate in (string[])["Sport", "cookies", "cheap flights", "Share on Twitter", "First! Great article", "Related stories", "Copyright", "tracking", "display: none"])
        {
            Assert.DoesNotContain(boilerplate, document.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Extract_HiddenElement_IsDropped()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + """<p style="display: none">Secret subscriber-only teaser text that readers never see.</p><div hidden>Hidden promo block text.</div>""");

        var document = _extractor.Extract(html, BaseUri);

        Assert.DoesNotContain("Secret subscriber-only", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden promo", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HeadingsAndEmphasis_WritesMarkdownHeadingsAndMarks()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + "<h2>The old <em>warehouses</em></h2><p>Some were <strong>rebuilt twice</strong>, others <em>never</em> changed at all over the long years.</p><h3>Museum</h3>" + TestPages.Paragraphs);

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.Contains("\n\n## The old *warehouses*\n\n", text, StringComparison.Ordinal);
        Assert.Contains("Some were **rebuilt twice**, others *never* changed", text, StringComparison.Ordinal);
        Assert.Contains("\n\n### Museum\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NestedSameEmphasis_MarksOnce()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + "<p>Watch <strong><b>the tide</b></strong> closely.</p>");

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.Contains("Watch **the tide** closely.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NestedLists_WritesIndentedMarkdownLists()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + "<ul><li>Bread from the bakery<ul><li>Rye loaf</li><li>Sourdough</li></ul></li><li>Fish from the pier</li></ul><ol start=\"3\"><li>Walk</li><li>Rest</li></ol>");

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.Contains("- Bread from the bakery\n  - Rye loaf\n  - Sourdough\n- Fish from the pier", text, StringComparison.Ordinal);
        Assert.Contains("3. Walk\n4. Rest", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LinksAndImages_WritesAbsoluteUrlsAndKeepsAltText()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + """<p>See the <a href="../maps/valley.html">valley map</a> and <a href="#top">top</a>.</p><figure><img src="/img/pier.jpg" alt="The ferry pier at dawn"><figcaption>The pier</figcaption></figure>""");

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.Contains("[valley map](https://example.org/news/maps/valley.html)", text, StringComparison.Ordinal);
        Assert.Contains("and top.", text, StringComparison.Ordinal);
        Assert.Contains("![The ferry pier at dawn](https://example.org/img/pier.jpg)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_BaseElementAndRelativeBaseUri_ResolvesAgainstTheBaseElement()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + "<p>See the <a href=\"maps/valley.html\">valley map</a>.</p>", "<base href=\"https://cdn.example.net/site/\">");

        var text = _extractor.Extract(html, new Uri("relative/page.html", UriKind.Relative)).Text;

        Assert.Contains("[valley map](https://cdn.example.net/site/maps/valley.html)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_CodeAndQuotes_WritesFencesInlineCodeAndQuoteMarkers()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + "<p>Call <code>Open()</code> first.</p><pre><code class=\"language-csharp\">var x = 1;\n    if (x &gt; 0) { Run(); }</code></pre><blockquote><p>The river remembers everything.</p><p>So do we.</p></blockquote>");

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.Contains("Call `Open()` first.", text, StringComparison.Ordinal);
        Assert.Contains("```csharp\nvar x = 1;\n    if (x > 0) { Run(); }\n```", text, StringComparison.Ordinal);
        Assert.Contains("> The river remembers everything.\n>\n> So do we.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DataTable_WritesMarkdownTable()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + "<table><thead><tr><th>Year</th><th>Visitors</th></tr></thead><tbody><tr><td>2024</td><td>1200</td></tr><tr><td>2025</td><td>1500</td></tr></tbody></table>");

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.Contains("| Year | Visitors |\n| --- | --- |\n| 2024 | 1200 |\n| 2025 | 1500 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Output_HasNoRunsOfBlankLines()
    {
        var html = TestPages.WithBoilerplate("<div>\n\n<p>One.</p>\n\n\n<div><br><br></div><p>Two.</p></div>" + TestPages.Paragraphs);

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        Assert.Equal(text.Trim(), text);
    }

    [Fact]
    public void Extract_JsonLdArticleBodyNotOnThePage_IsIgnored()
    {
        var body = string.Concat(Enumerable.Repeat("Sponsored words that never appear on the visible page at all. ", 20));
        var head = $$"""<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "headline": "Ferry", "articleBody": "{{body}}"}</script>""";

        var text = _extractor.Extract(TestPages.Simple(TestPages.Paragraphs, head), BaseUri).Text;

        Assert.DoesNotContain("Sponsored words", text, StringComparison.Ordinal);
        Assert.Contains("The river town woke slowly", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_JsonLdArticleBodyShownOnThePageButMissedByTheDom_IsUsed()
    {
        const string rest = "Fishermen mended their nets on the stones while gulls argued over scraps near the market. The mayor opened the new bridge with a short speech and a brass band that played until noon. Children raced paper boats along the canal, cheering every time one slipped under the lock gates.";
        var head = $$"""<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "headline": "Ferry", "articleBody": "The ferry left at dawn.\n{{rest}}\n{{rest}}"}</script>""";
        var html = TestPages.Simple($"<p>The ferry left at dawn.</p><aside><p>{rest}</p><p>{rest}</p></aside>", head);

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.Contains("Fishermen mended their nets", text, StringComparison.Ordinal);
        Assert.StartsWith("The ferry left at dawn.\n\nFishermen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SoftHyphensAndZeroWidthSpaces_AreRemoved()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + "<p>The ware\u00ADhouses\u200B stand by the river in the old town centre.</p>");

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.Contains("The warehouses stand by the river", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_EmptyContent_ThrowsExtractionException()
    {
        var error = await Assert.ThrowsAsync<ExtractionException>(() =>
            _extractor.ExtractAsync(new ExtractionInput(Array.Empty<byte>(), MediaTypes.Html), CancellationToken.None));

        Assert.Contains("no readable text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PageWithoutText_ThrowsExtractionException()
    {
        var html = "<html><head><title>Empty</title><script>var a = 1;</script></head><body><div><img src=\"x.png\"></div><nav><a href=\"/\"> </a></nav></body></html>";

        var error = Assert.Throws<ExtractionException>(() => _extractor.Extract(html, BaseUri));

        Assert.Contains("no readable text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PathologicallyDeepNesting_ThrowsExtractionExceptionInsteadOfOverflowing()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><span>", 20_000)) + TestPages.Paragraphs + "</body></html>";

        var error = Assert.Throws<ExtractionException>(() => _extractor.Extract(html, BaseUri));

        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LinkTextWithBrackets_EscapesThemInsideTheLink()
    {
        var html = TestPages.Simple(TestPages.Paragraphs + "<p>As reported earlier<a href=\"/notes#4\">[4]</a>, the pier reopened.</p>");

        var text = _extractor.Extract(html, BaseUri).Text;

        Assert.Contains("earlier[\\[4\\]](https://example.org/notes#4), the pier", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_BinaryGarbage_ThrowsExtractionException()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var error = await Assert.ThrowsAsync<ExtractionException>(() =>
            _extractor.ExtractAsync(new ExtractionInput(bytes, MediaTypes.Html), CancellationToken.None));

        Assert.Contains("not HTML text", error.Message, StringComparison.Ordinal);
    }
}
