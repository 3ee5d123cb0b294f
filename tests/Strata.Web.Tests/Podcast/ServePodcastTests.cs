using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Xunit;

namespace Strata.Web.Tests.Podcast;

/// <summary><c>strata serve</c> publishes audio digests as a podcast: the feed, and episodes with range requests (real espeak-ng and ffmpeg).</summary>
public sealed class ServePodcastTests
{
    [Fact]
    public async Task The_feed_and_its_enclosure_are_served_with_ranges_even_when_pages_need_sign_in()
    {
        await using var server = await WebServer.StartAsync(kb => kb.SetPasswordAsync("pw", CancellationToken.None), options => options.Web.RequireAuth = true);
        await server.AddNoteAsync("The city opened a new cycle lane along the river today.", "A new cycle lane", "city");
        var digest = await server.KnowledgeBase.CreateDigestAsync(server.KnowledgeBase.Now.AddDays(-1), null, store: true, send: false, CancellationToken.None);
        var audio = await server.KnowledgeBase.CreateAudioDigestAsync(digest, CancellationToken.None);
        Assert.Empty(audio.Problems);
        using var client = server.CreateClient();

        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var feed = XDocument.Parse(await client.GetStringAsync("/podcast.xml"));
        var enclosure = feed.Descendants("enclosure").Single();
        var length = long.Parse(enclosure.Attribute("length")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var url = new Uri(enclosure.Attribute("url")!.Value);
        Assert.Equal("audio/mpeg", enclosure.Attribute("type")!.Value);

        using var whole = await client.GetAsync(url.PathAndQuery);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal(length, bytes.Length);
        using var request = new HttpRequestMessage(HttpMethod.Get, url.PathAndQuery);
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var part = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes.AsSpan(100, 100).ToArray(), await part.Content.ReadAsByteArrayAsync());
    }
}
