using Strata.Sources.Feeds;
using Strata.Sources.Tests.Feeds.Fixtures;
using Xunit;

namespace Strata.Sources.Tests.Feeds;

public sealed class AtomParsingTests
{
    private static readonly ParsedFeed Feed = Fixtures.Feeds.Parse(AtomFixtures.Atom10, new Uri("https://atom.example.com/feed"));

    [Fact]
    public void Parse_Atom_ReadsFeedMetadataWithHtmlTitleAsText()
    {
        Assert.Equal(FeedFormat.Atom10, Feed.Format);
        Assert.Equal("Atom Site", Feed.Title);
        Assert.Equal("All the news", Feed.Description);
        Assert.Equal(new Uri("https://atom.example.com/blog/"), Feed.SiteUrl);
        Assert.Equal(3, Feed.Entries.Count);
    }

    [Fact]
    public void Parse_AtomEntryWithSeveralLinks_PrefersHtmlAlternateResolvedAgainstNestedXmlBase()
    {
        var entry = Feed.Entries[0];

        Assert.Equal(new Uri("https://atom.example.com/blog/2024/one.html"), entry.Url);
        Assert.Equal(new Uri("https://atom.example.com/blog/2024/one.mp3"), entry.EnclosureUrl);
    }

    [Fact]
    public void Parse_AtomLinkWithOwnXmlBase_ResolvesAgainstIt()
    {
        Assert.Equal(new Uri("https://atom.example.com/elsewhere/two.html"), Feed.Entries[1].Url);
    }

    [Fact]
    public void Parse_AtomEntry_ReadsIdAuthorsDatesAndCategories()
    {
        var entry = Feed.Entries[0];

        Assert.Equal("tag:atom.example.com,2024:1", entry.Id);
        Assert.Equal(["Alice", "Bob"], entry.Authors);
        Assert.Equal(new DateTimeOffset(2024, 4, 30, 16, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 123, TimeSpan.Zero), entry.Updated);
        Assert.Equal(["news", "atom"], entry.Categories);
    }

    [Fact]
    public void Parse_AtomEntryWithoutAuthor_InheritsFeedAuthor()
    {
        Assert.Equal(["Feed Author"], Feed.Entries[1].Authors);
    }

    [Fact]
    public void Parse_AtomHtmlContent_IsUnescapedHtml()
    {
        var entry = Feed.Entries[0];

        Assert.Equal("<p>HTML <b>content</b></p>", entry.ContentHtml);
        Assert.Equal("Plain <b>text</b> summary", entry.Summary);
    }

    [Fact]
    public void Parse_AtomXhtmlContentAndTitle_SerializedWithoutNamespaces()
    {
        var entry = Feed.Entries[1];

        Assert.Equal("Entry two", entry.Title);
        Assert.Equal("<p>XHTML <a href=\"x.html\">content</a></p>", entry.ContentHtml);
    }

    [Fact]
    public void Parse_AtomTextContent_IsEncodedIntoHtml()
    {
        var entry = Feed.Entries[2];

        Assert.Equal("<p>Line one &lt;not a tag&gt;<br>line two</p>", entry.ContentHtml);
        Assert.Equal(new Uri("https://atom.example.com/blog/three"), entry.Url);
    }

    [Fact]
    public void Parse_Atom03_IsRejectedAsUnsupported()
    {
        var error = Assert.Throws<FeedException>(() => Fixtures.Feeds.Parse("<feed xmlns=\"http://purl.org/atom/ns#\" version=\"0.3\"/>"));

        Assert.Contains("Atom 0.3", error.Message, StringComparison.Ordinal);
    }
}
