using Strata.Sources.Feeds;
using Xunit;

namespace Strata.Sources.Tests.Feeds;

public sealed class FeedDiscoveryTests
{
    private static readonly Uri PageUrl = new("https://site.example.com/blog/post-1");

    [Fact]
    public void FindFeeds_HeadWithSeveralLinks_ReturnsFeedsAbsoluteInDocumentOrder()
    {
        const string html = """
            <!doctype html><html><head>
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/atom+xml" title="Atom" href="/feed.atom">
            <link rel="alternate" hreflang="de" href="/de/post-1">
            <link rel="alternate" type="application/rss+xml; charset=utf-8" title="RSS" href="../rss.xml">
            <link rel="ALTERNATE" type="Application/Feed+JSON" href="feed.json">
            <link rel="alternate" type="application/json" href="https://site.example.com/wp-json/wp/v2/posts/1">
            <link rel="alternate" type="application/json" href="//cdn.example.net/feed.json">
            <link rel="alternate" type="application/rss+xml" href="/feed.atom">
            <link rel="alternate stylesheet" type="text/css" href="/dark.css">
            </head><body><link rel="alternate" type="application/rss+xml" href="/comments.rss"></body></html>
            """;

        var feeds = FeedDiscovery.FindFeeds(html, PageUrl);

        Assert.Equal(
            [
                new Uri("https://site.example.com/feed.atom"),
                new Uri("https://site.example.com/rss.xml"),
                new Uri("https://site.example.com/blog/feed.json"),
                new Uri("https://cdn.example.net/feed.json"),
                new Uri("https://site.example.com/comments.rss"),
            ],
            feeds);
    }

    [Fact]
    public void FindFeeds_BaseHref_IsUsedForRelativeLinks()
    {
        const string html = """<html><head><base href="https://other.example.org/root/"><link rel="alternate" type="application/rss+xml" href="rss"></head></html>""";

        var feeds = FeedDiscovery.FindFeeds(html, PageUrl);

        Assert.Equal([new Uri("https://other.example.org/root/rss")], feeds);
    }

    [Fact]
    public void FindFeeds_NoFeedLinksOrNonWebHrefs_ReturnsEmpty()
    {
        const string html = """<html><head><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"><link rel="alternate" type="application/rss+xml" href=""></head></html>""";

        Assert.Empty(FeedDiscovery.FindFeeds(html, PageUrl));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>", "text/html", true)]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">", "text/xml", true)]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", null, true)]
    [InlineData("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"x.dtd\">\n<rss version=\"0.91\">", null, true)]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"x\"}", "application/json", true)]
    [InlineData("<!DOCTYPE html><html><head>", "application/rss+xml", false)]
    [InlineData("<html><head><link rel=\"alternate\" type=\"application/rss+xml\">", "text/html", false)]
    [InlineData("{\"name\": \"not a feed\"}", "application/json", false)]
    [InlineData("<?xml version=\"1.0\"?><urlset>", "application/xml", false)]
    [InlineData("<!-- a comment that the head cuts off", "application/atom+xml", true)]
    [InlineData("<!-- a comment that the head cuts off", "text/html", false)]
    public void IsLikelyFeed_HeadAndMediaType_Decides(string head, string? mediaType, bool expected)
    {
        Assert.Equal(expected, FeedDiscovery.IsLikelyFeed(System.Text.Encoding.UTF8.GetBytes(head), mediaType));
    }
}
