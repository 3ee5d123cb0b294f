using Strata.Sources.Feeds;

namespace Strata.Sources.Tests.Feeds.Fixtures;

/// <summary>Parses fixture text the way the collector will: as bytes fetched from a URL.</summary>
internal static class Feeds
{
    public static readonly Uri DefaultUrl = new("https://feeds.example/feed.xml");

    public static ParsedFeed Parse(string text, Uri? url = null, System.Text.Encoding? encoding = null) =>
        FeedParser.Parse((encoding ?? System.Text.Encoding.UTF8).GetBytes(text), url ?? DefaultUrl);
}
