using Strata.Sources.Feeds;
using Strata.Sources.Tests.Feeds.Fixtures;
using Xunit;

namespace Strata.Sources.Tests.Feeds;

public sealed class JsonFeedParsingTests
{
    private static readonly ParsedFeed Feed = Fixtures.Feeds.Parse(JsonFeedFixtures.JsonFeed11, new Uri("https://json.example.com/feed.json"));

    [Fact]
    public void Parse_JsonFeed11_ReadsFeedMetadata()
    {
        Assert.Equal(FeedFormat.JsonFeed1, Feed.Format);
        Assert.Equal("JSON Blog", Feed.Title);
        Assert.Equal(new Uri("https://json.example.com/"), Feed.SiteUrl);
        Assert.Equal("A JSON feed", Feed.Description);
        Assert.Equal(3, Feed.Entries.Count);
    }

    [Fact]
    public void Parse_JsonFeedItemWithContentHtml_ReadsAllFields()
    {
        var entry = Feed.Entries[0];

        Assert.Equal("1", entry.Id);
        Assert.Equal("<p>Hello <b>world</b></p>", entry.ContentHtml);
        Assert.Equal("Hello", entry.Summary);
        Assert.Equal(["Grace", "Linus"], entry.Authors);
        Assert.Equal(["json", "feeds"], entry.Categories);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 10, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal(new Uri("https://json.example.com/files/a.pdf"), entry.EnclosureUrl);
    }

    [Fact]
    public void Parse_JsonFeedItemWithContentText_EncodesParagraphsAndKeepsNumericId()
    {
        var entry = Feed.Entries[1];

        Assert.Equal("42", entry.Id);
        Assert.Equal("<p>First paragraph with &lt;angle&gt; brackets.</p><p>Second paragraph.</p>", entry.ContentHtml);
        Assert.Equal(new Uri("https://json.example.com/2"), entry.Url);
        Assert.Equal(["Feed Owner"], entry.Authors);
    }

    [Fact]
    public void Parse_JsonFeedItemWithoutIdOrUrl_UsesExternalUrlAndHashedId()
    {
        var entry = Feed.Entries[2];

        Assert.Equal(new Uri("https://elsewhere.example.org/post"), entry.Url);
        Assert.Matches("^hash:[0-9a-f]{32}$", entry.Id);
    }

    [Fact]
    public void Parse_JsonFeed10SingleAuthor_ReadsAuthor()
    {
        var entry = Assert.Single(Fixtures.Feeds.Parse(JsonFeedFixtures.JsonFeed10).Entries);

        Assert.Equal(["Solo"], entry.Authors);
    }

    [Fact]
    public void Parse_JsonWithoutJsonFeedVersion_IsNotAFeed()
    {
        var error = Assert.Throws<FeedException>(() => Fixtures.Feeds.Parse("""{"title": "just JSON"}"""));

        Assert.StartsWith("not a feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsLineAndPosition()
    {
        var error = Assert.Throws<FeedException>(() => Fixtures.Feeds.Parse("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"items\": [ oops ]\n}"));

        Assert.StartsWith("malformed JSON feed at line 3,", error.Message, StringComparison.Ordinal);
    }
}
