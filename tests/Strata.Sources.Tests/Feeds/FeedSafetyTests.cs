using Strata.Sources.Feeds;
using Xunit;

namespace Strata.Sources.Tests.Feeds;

public sealed class FeedSafetyTests
{
    private const string Xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&e;</title><item><title>x</title><description>&e;</description></item></channel></rss>
        """;

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
        """;

    [Fact]
    public void Parse_ExternalEntity_NeverResolvesFileContent()
    {
        var outcome = ParseOrError(Xxe);

        Assert.DoesNotContain("root:", outcome, StringComparison.Ordinal);
        Assert.Contains("undeclared entity", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExternalParameterEntity_NeverResolvesFileContent()
    {
        const string parameterEntity = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>
            <rss version="2.0"><channel><title>safe</title></channel></rss>
            """;

        var outcome = ParseOrError(parameterEntity);

        Assert.DoesNotContain("root:", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BillionLaughs_FailsQuicklyWithoutExpanding()
    {
        var error = Assert.Throws<FeedException>(() => Fixtures.Feeds.Parse(BillionLaughs));

        Assert.StartsWith("malformed feed XML at line 13,", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lollol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UndeclaredHtmlEntities_AreReadAsCharacters()
    {
        const string rss = "<rss version=\"2.0\"><channel><title>Caf&eacute;&nbsp;&amp;&hellip;</title></channel></rss>";

        var feed = Fixtures.Feeds.Parse(rss);

        Assert.Equal("Café\u00a0&…", feed.Title);
    }

    [Fact]
    public void Parse_XxeBesideHtmlEntity_StillNeverResolves()
    {
        var outcome = ParseOrError(Xxe.Replace("<title>x</title>", "<title>&nbsp;x</title>", StringComparison.Ordinal));

        Assert.DoesNotContain("root:", outcome, StringComparison.Ordinal);
        Assert.Contains("undeclared entity 'e'", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedXml_ReportsLineAndPositionOnOneLine()
    {
        const string broken = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n  <title>Oops</titel>\n</channel>\n</rss>";

        var error = Assert.Throws<FeedException>(() => Fixtures.Feeds.Parse(broken));

        Assert.Matches(@"^malformed feed XML at line 4, position \d+: \S", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_LeadingBlankLinesBeforeDeclaration_AreToleratedAndCountedInErrors()
    {
        var ok = Fixtures.Feeds.Parse("\n\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        var error = Assert.Throws<FeedException>(() => Fixtures.Feeds.Parse("\n\n<?xml version=\"1.0\"?>\n<rss><channel></rss>"));

        Assert.Equal("T", ok.Title);
        Assert.StartsWith("malformed feed XML at line 4,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LargerThanLimit_ThrowsSizeError()
    {
        var bytes = new byte[21 * 1024 * 1024];
        System.Text.Encoding.ASCII.GetBytes("<rss version=\"2.0\"><channel>").CopyTo(bytes, 0);
        bytes.AsSpan(30).Fill((byte)' ');

        var error = Assert.Throws<FeedException>(() => FeedParser.Parse(bytes, Fixtures.Feeds.DefaultUrl));

        Assert.Equal("feed is larger than the 20 MB limit", error.Message);
    }

    [Fact]
    public void Parse_SmallerCustomLimit_IsHonoured()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>T</title></channel></rss>");

        var error = Assert.Throws<FeedException>(() => FeedParser.Parse(bytes, Fixtures.Feeds.DefaultUrl, maxBytes: 16));

        Assert.Equal("feed is larger than the 16 bytes limit", error.Message);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hi<br></body></html>")]
    [InlineData("<html lang=\"en\"><head><meta charset=\"utf-8\"></head><body>unclosed <p>tags</body></html>")]
    [InlineData("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")]
    [InlineData("<!-- generated --><head><title>x</title></head><body><img src=x></body>")]
    public void Parse_HtmlPage_IsNotAFeed(string html)
    {
        var error = Assert.Throws<FeedException>(() => Fixtures.Feeds.Parse(html));

        Assert.Equal("not a feed (looks like an HTML page)", error.Message);
    }

    [Theory]
    [InlineData("", "not a feed (the body is empty)")]
    [InlineData("<sitemap/>", "not a feed (the document's root element is <sitemap>)")]
    [InlineData("<opml version=\"2.0\"><body/></opml>", "not a feed (an OPML subscription list; import it instead)")]
    public void Parse_OtherDocuments_AreNotFeeds(string body, string expected)
    {
        var error = Assert.Throws<FeedException>(() => Fixtures.Feeds.Parse(body));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Parse_Utf16WithBom_Decodes()
    {
        var text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Überschrift 标题</title></channel></rss>";
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(text)).ToArray();

        var feed = FeedParser.Parse(bytes, Fixtures.Feeds.DefaultUrl);

        Assert.Equal("Überschrift 标题", feed.Title);
    }

    private static string ParseOrError(string xml)
    {
        try
        {
            var feed = Fixtures.Feeds.Parse(xml);
            return string.Join("\n", new[] { feed.Title, feed.Description }.Concat(feed.Entries.SelectMany(e => new[] { e.Title, e.Summary })));
        }
        catch (FeedException e)
        {
            return e.Message;
        }
    }
}
