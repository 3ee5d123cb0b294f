using Strata.Sources.Http;
using Xunit;

namespace Strata.Sources.Tests.Http;

public sealed class RobotsTxtTests
{
    /// <summary>The example of RFC 9309 §5.1.</summary>
    private const string RfcExample = """
        User-Agent: *
        Disallow: *.gif$
        Disallow: /example/
        Allow: /publications/

        User-Agent: foobot
        Disallow:/
        Allow:/example/page.html
        Allow:/example/allowed.gif

        User-Agent: barbot
        User-Agent: bazbot
        Disallow: /example/page.html

        User-Agent: quxbot

        EOF
        """;

    [Theory]
    [InlineData("foobot", "/example/page.html", true)]
    [InlineData("foobot", "/example/allowed.gif", true)]
    [InlineData("foobot", "/example/other.gif", false)]
    [InlineData("foobot", "/publications/", false)]
    [InlineData("FooBot/2.1 (+https://foo.example)", "/other", false)]
    [InlineData("barbot", "/example/page.html", false)]
    [InlineData("bazbot", "/example/page.html", false)]
    [InlineData("bazbot", "/example/", true)]
    [InlineData("quxbot", "/example/page.html", true)]
    [InlineData("otherbot", "/example/page.html", false)]
    [InlineData("otherbot", "/images/cat.gif", false)]
    [InlineData("otherbot", "/images/cat.gif?size=2", true)]
    [InlineData("otherbot", "/publications/", true)]
    [InlineData("otherbot", "/", true)]
    [InlineData("Strata/0.1 (+https://github.com/strata-kb/strata)", "/example/x", false)]
    public void IsAllowed_RfcExample_FollowsGroupSelection(string userAgent, string path, bool expected) =>
        Assert.Equal(expected, RobotsTxt.Parse(RfcExample).IsAllowed(path, userAgent));

    [Theory]
    // RFC 9309 §5.2: the longest match wins.
    [InlineData("allow: /example/page/\ndisallow: /example/page/disallowed.gif", "/example/page/disallowed.gif", false)]
    [InlineData("allow: /example/page/\ndisallow: /example/page/disallowed.gif", "/example/page/other", true)]
    // Equivalent allow and disallow: allow wins.
    [InlineData("disallow: /page\nallow: /page", "/page", true)]
    [InlineData("allow: /$\ndisallow: /", "/", true)]
    [InlineData("allow: /$\ndisallow: /", "/page.html", false)]
    // RFC 9309 §2.2.3 wildcards.
    [InlineData("disallow: /path/file-with-a-*.html", "/path/file-with-a-wildcard.html", false)]
    [InlineData("disallow: /path/file-with-a-*.html", "/path/file-with-a-.html", false)]
    [InlineData("disallow: /path/file-with-a-*.html", "/path/file-with-a-x.htm", true)]
    [InlineData("disallow: /path/foo-*", "/path/foo-bar", false)]
    [InlineData("disallow: /path/foo-$", "/path/foo-", false)]
    [InlineData("disallow: /path/foo-$", "/path/foo-bar", true)]
    [InlineData("disallow: /*/private/*.pdf$", "/a/b/private/c.pdf", false)]
    [InlineData("disallow: /*/private/*.pdf$", "/a/private/c.pdf?x", true)]
    [InlineData("disallow: /a*b*c*d*e*f*g*h*i*j*k", "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true)]
    // Paths are prefixes, case-sensitive; the query counts.
    [InlineData("disallow: /fish", "/fish.html", false)]
    [InlineData("disallow: /fish", "/Fish", true)]
    [InlineData("disallow: /search?q=", "/search?q=cats", false)]
    [InlineData("disallow: /search?q=", "/search", true)]
    // RFC 9309 §2.2.2 percent-encoding: UTF-8 and escaped unreserved characters compare equal.
    [InlineData("disallow: /foo/bar/ツ", "/foo/bar/%E3%83%84", false)]
    [InlineData("disallow: /foo/bar/%E3%83%84", "/foo/bar/ツ", false)]
    [InlineData("disallow: /foo/bar/%e3%83%84", "/foo/bar/%E3%83%84", false)]
    [InlineData("disallow: /foo/bar/%62%61%7A", "/foo/bar/baz", false)]
    [InlineData("disallow: /foo/bar%2Fbaz", "/foo/bar/baz", true)]
    // An empty disallow forbids nothing; robots.txt itself is always allowed.
    [InlineData("disallow:", "/anything", true)]
    [InlineData("disallow: /", "/robots.txt", true)]
    [InlineData("disallow: /", "/anything", false)]
    public void IsAllowed_StarGroupRules_MatchesLongestPattern(string rules, string path, bool expected) =>
        Assert.Equal(expected, RobotsTxt.Parse("User-agent: *\n" + rules).IsAllowed(path, "Strata"));

    [Theory]
    [InlineData("\uFEFFUser-agent: *\r\nDisallow: /x # private\r\n", "/x", false)]
    [InlineData("# no groups at all\nDisallow: /x\n", "/x", true)]
    [InlineData("User-agent: other\nDisallow: /x\n", "/x", true)]
    [InlineData("user-AGENT: STRATA\nDISALLOW: /x\nUser-agent: *\nAllow: /\n", "/x", false)]
    [InlineData("User-agent: strata\nDisallow: /a\n\nUser-agent: Strata\nDisallow: /b\n", "/b", false)]
    [InlineData("User-agent: strata\nDisallow: /a\nUser-agent: *\nDisallow: /b\n", "/b", true)]
    [InlineData("garbage line\nUser-agent: *\nnonsense: 1\nDisallow: /x\n", "/x", false)]
    public void IsAllowed_FileShapes_ParsedLeniently(string text, string path, bool expected) =>
        Assert.Equal(expected, RobotsTxt.Parse(text).IsAllowed(path, "Strata/0.1 (+https://strata.example)"));

    [Fact]
    public void CrawlDelay_InMatchingGroup_IsExposed()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 2.5\n\nUser-agent: strata\nCrawl-delay: 10\nSitemap: https://x.example/sitemap.xml\n");

        Assert.Equal(TimeSpan.FromSeconds(10), robots.CrawlDelay("Strata/0.1"));
        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay("otherbot"));
        Assert.Equal(["https://x.example/sitemap.xml"], robots.Sitemaps);
    }

    [Fact]
    public void CrawlDelay_Absent_IsNull() =>
        Assert.Null(RobotsTxt.Parse("User-agent: *\nDisallow: /x\n").CrawlDelay("Strata"));

    [Theory]
    [InlineData("Strata/0.1 (+https://github.com/strata-kb/strata; personal knowledge base)", "Strata")]
    [InlineData("  foobot  ", "foobot")]
    [InlineData("Mozilla/5.0 (X11)", "Mozilla")]
    public void ProductToken_UserAgent_IsFirstWord(string userAgent, string expected) =>
        Assert.Equal(expected, RobotsTxt.ProductToken(userAgent));

    [Fact]
    public void DisallowAll_AnyPath_IsDisallowedExceptRobotsTxt()
    {
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("/", "Strata"));
        Assert.True(RobotsTxt.DisallowAll.IsAllowed("/robots.txt", "Strata"));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/anything", "Strata"));
    }
}
