using Strata.Sources.Feeds;
using Xunit;

namespace Strata.Sources.Tests.Feeds;

public sealed class FullContentTests
{
    private static readonly string Article = string.Concat(Enumerable.Repeat("<p>A sentence of the article body that goes on.</p>\n", 30));

    [Fact]
    public void HasFullContent_ShortSummaryOnly_IsFalse()
    {
        var entry = Entry(summary: "<p>Today we look at feeds.</p>", content: null);

        Assert.False(entry.HasFullContent);
    }

    [Fact]
    public void HasFullContent_LongContentBesideShortSummary_IsTrue()
    {
        var entry = Entry(summary: "<p>Today we look at feeds.</p>", content: Article);

        Assert.True(entry.HasFullContent);
    }

    [Fact]
    public void HasFullContent_ContentNoLongerThanModerateSummary_IsFalse()
    {
        var excerpt = string.Concat(Enumerable.Repeat("An excerpt sentence. ", 30));

        var entry = Entry(summary: excerpt, content: $"<p>{excerpt}</p>");

        Assert.False(entry.HasFullContent);
    }

    [Fact]
    public void HasFullContent_LongContentEndingInReadMore_IsFalse()
    {
        var entry = Entry(summary: null, content: Article + "<p><a href=\"/post\">Continue reading</a></p>");

        Assert.False(entry.HasFullContent);
    }

    [Fact]
    public void HasFullContent_LongArticleInDescriptionOnly_IsTrue()
    {
        var entry = Entry(summary: Article + Article, content: null);

        Assert.True(entry.HasFullContent);
    }

    [Fact]
    public void HasFullContent_MarkupHeavyButTextShortContent_IsFalse()
    {
        var markup = string.Concat(Enumerable.Repeat("<div class=\"wrapper-with-a-long-class-name\"><img src=\"/a-long-image-path.png\"></div>", 40));

        var entry = Entry(summary: null, content: markup + "<p>Short.</p>");

        Assert.False(entry.HasFullContent);
    }

    [Fact]
    public void HasFullContent_FromParsedRss_DistinguishesTeaserFromArticle()
    {
        var rss = $"""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <item><title>teaser</title><description>Just a teaser.</description></item>
            <item><title>full</title><description>Just a teaser.</description><content:encoded><![CDATA[{Article}]]></content:encoded></item>
            </channel></rss>
            """;

        var entries = Fixtures.Feeds.Parse(rss).Entries;

        Assert.False(entries[0].HasFullContent);
        Assert.True(entries[1].HasFullContent);
    }

    private static FeedEntry Entry(string? summary, string? content) => new() { Id = "x", Summary = summary, ContentHtml = content };
}
