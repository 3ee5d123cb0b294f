using Strata.Sources.Feeds;
using Strata.Sources.Tests.Feeds.Fixtures;
using Xunit;

namespace Strata.Sources.Tests.Feeds;

public sealed class RssParsingTests
{
    [Fact]
    public void Parse_Rss091WithNetscapeDoctypeInLatin1_ReadsChannelAndItems()
    {
        var feed = Fixtures.Feeds.Parse(RssFixtures.Rss091, new Uri("http://old.example.com/rss.xml"), System.Text.Encoding.Latin1);

        Assert.Equal(FeedFormat.Rss091, feed.Format);
        Assert.Equal("Old Times", feed.Title);
        Assert.Equal(new Uri("http://old.example.com/"), feed.SiteUrl);
        Assert.Equal("News from 1999", feed.Description);
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal("Hello & welcome to the café", feed.Entries[0].Summary);
        Assert.Equal(new Uri("http://old.example.com/second.html"), feed.Entries[1].Url);
    }

    [Fact]
    public void Parse_Rss092_ReadsCategoryAndEnclosure()
    {
        var feed = Fixtures.Feeds.Parse(RssFixtures.Rss092);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal(FeedFormat.Rss092, feed.Format);
        Assert.Null(entry.Title);
        Assert.Equal(["Music"], entry.Categories);
        Assert.Equal(new Uri("http://radio.example.org/ep1.mp3"), entry.EnclosureUrl);
        Assert.StartsWith("hash:", entry.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Rss10Rdf_ReadsDublinCoreCreatorsDateAndAbout()
    {
        var feed = Fixtures.Feeds.Parse(RssFixtures.Rss10);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal(FeedFormat.Rss10, feed.Format);
        Assert.Equal("RDF Site", feed.Title);
        Assert.Equal("http://rdf.example.net/a", entry.Id);
        Assert.Equal(["Ada Lovelace", "Charles Babbage"], entry.Authors);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 20, 30, TimeSpan.Zero), entry.Published);
        Assert.Equal(["computing"], entry.Categories);
        Assert.Equal("About A", entry.Summary);
    }

    [Fact]
    public void Parse_Rss090_IsRecognisedByNamespace()
    {
        var feed = Fixtures.Feeds.Parse(RssFixtures.Rss090);

        Assert.Equal(FeedFormat.Rss090, feed.Format);
        Assert.Equal(new Uri("http://www.mozilla.org/status/"), Assert.Single(feed.Entries).Url);
    }

    [Fact]
    public void Parse_Rss20GuidNotPermaLink_UsesLinkForUrlAndGuidForId()
    {
        var entry = Fixtures.Feeds.Parse(RssFixtures.Rss20).Entries[0];

        Assert.Equal("tag:blog.example.com,2024:1", entry.Id);
        Assert.Equal(new Uri("https://blog.example.com/posts/1"), entry.Url);
        Assert.Equal(["Jane Doe"], entry.Authors);
        Assert.Equal(["dotnet", "feeds"], entry.Categories);
        Assert.Equal("<p>Short teaser.</p>", entry.Summary);
        Assert.Equal("<p>The full article.</p>", entry.ContentHtml);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 2, 4, 5, TimeSpan.Zero), entry.Published);
    }

    [Fact]
    public void Parse_Rss20RelativeEnclosure_ResolvesAgainstFeedUrl()
    {
        var entry = Fixtures.Feeds.Parse(RssFixtures.Rss20, new Uri("https://blog.example.com/feed.xml")).Entries[0];

        Assert.Equal(new Uri("https://blog.example.com/media/talk.mp3"), entry.EnclosureUrl);
    }

    [Fact]
    public void Parse_Rss20PermaLinkGuidWithoutLink_UsesGuidAsUrl()
    {
        var entry = Fixtures.Feeds.Parse(RssFixtures.Rss20).Entries[1];

        Assert.Equal(new Uri("https://blog.example.com/posts/2"), entry.Url);
        Assert.Equal(["John Roe"], entry.Authors);
        Assert.Equal(new DateTimeOffset(2024, 2, 5, 19, 0, 0, TimeSpan.Zero), entry.Published);
    }

    [Fact]
    public void Parse_Rss20RelativeLinkWithoutGuid_ResolvesUrlAndHashesAStableId()
    {
        var first = Fixtures.Feeds.Parse(RssFixtures.Rss20, new Uri("https://blog.example.com/feed/rss")).Entries[2];
        var again = Fixtures.Feeds.Parse(RssFixtures.Rss20, new Uri("https://blog.example.com/feed/rss")).Entries[2];

        Assert.Equal(new Uri("https://blog.example.com/feed/posts/3?x=1"), first.Url);
        Assert.Matches("^hash:[0-9a-f]{32}$", first.Id);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 2, 30, 0, TimeSpan.Zero), first.Published);
    }

    [Fact]
    public void Parse_TwoItemsWithoutGuids_GetDifferentIds()
    {
        var feed = Fixtures.Feeds.Parse(RssFixtures.Rss091);

        Assert.NotEqual(feed.Entries[0].Id, feed.Entries[1].Id);
    }

    [Fact]
    public void Parse_RssWithoutVersion_IsTreatedAsRss20()
    {
        var feed = Fixtures.Feeds.Parse("<rss><channel><title>T</title><item><title>x</title></item></channel></rss>");

        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal("x", Assert.Single(feed.Entries).Title);
    }
}
