using System.Xml.Linq;
using Strata.Core.Audio;
using Xunit;

namespace Strata.Core.Tests.Audio;

public sealed class PodcastFeedWriterTests
{
    private static readonly XNamespace ITunes = PodcastFeedWriter.ITunes;

    [Fact]
    public void Write_IsRss2WithITunesTags_NewestFirst_WithExactEnclosuresAndStableGuids()
    {
        var older = Episode("01A", new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero), 1234);
        var newer = Episode("01B", new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero), 98765);
        var channel = new PodcastChannel("Strata digests", "Read aloud", "Me", "en", null, "https://example.org/cover.png");

        var xml = PodcastFeedWriter.Write(channel, [older, newer], "https://example.org/podcast.xml", e => $"https://example.org/{e.FileName}");
        var rss = XDocument.Parse(xml).Root!;
        var feed = rss.Element("channel")!;
        var items = feed.Elements("item").ToArray();

        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        Assert.Equal("Strata digests", feed.Element("title")!.Value);
        Assert.Equal("en", feed.Element("language")!.Value);
        Assert.Equal("Me", feed.Element(ITunes + "author")!.Value);
        Assert.Equal("https://example.org/cover.png", feed.Element(ITunes + "image")!.Attribute("href")!.Value);
        Assert.NotNull(feed.Element(ITunes + "category")!.Attribute("text"));
        Assert.Equal("false", feed.Element(ITunes + "explicit")!.Value);
        Assert.Equal(["strata-digest-01B", "strata-digest-01A"], items.Select(i => i.Element("guid")!.Value));
        Assert.Equal("false", items[0].Element("guid")!.Attribute("isPermaLink")!.Value);
        var enclosure = items[0].Element("enclosure")!;
        Assert.Equal("https://example.org/01B.mp3", enclosure.Attribute("url")!.Value);
        Assert.Equal("98765", enclosure.Attribute("length")!.Value);
        Assert.Equal("audio/mpeg", enclosure.Attribute("type")!.Value);
        Assert.Equal("Wed, 25 Nov 2026 07:00:00 GMT", items[0].Element("pubDate")!.Value);
        Assert.Equal("83", items[0].Element(ITunes + "duration")!.Value);
        Assert.Contains("<a href=\"https://example.org/story\">Glaciers &amp; ice</a>", items[0].Element("description")!.Value, StringComparison.Ordinal);
        Assert.Contains("0:05 ", items[0].Element("description")!.Value, StringComparison.Ordinal);
    }

    private static AudioEpisode Episode(string id, DateTimeOffset at, long bytes) =>
        new(id, $"Digest {id}", at, id + ".mp3", bytes, 83_400,
            [new AudioChapter("Introduction", 0, 5000), new AudioChapter("Glaciers & ice", 5000, 83_400, "item", "https://example.org/story", "example.org")], 0, "espeak-ng");
}
