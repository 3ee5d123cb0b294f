using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Hosting.Audio;
using Strata.Testing.Speech;
using Xunit;

namespace Strata.Hosting.Tests.Audio;

[Collection(AudioCollection.Name)]
public sealed class PodcastEndpointTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task MapStrataPodcast_OnLoopback_ServesAValidFeedAndEnclosuresWithRanges()
    {
        await using var speech = await FakeSpeechServer.StartAsync();
        var (fixture, digest) = await AudioFixture.CreateAsync(options => UseFakeSpeech(options, speech));
        await using var _ = fixture;
        var audio = await fixture.Kb.CreateAudioDigestAsync(digest, None);
        await using var app = await StartAsync(fixture.Kb);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var bytes = await File.ReadAllBytesAsync(audio.Path);

        using var feedResponse = await http.GetAsync("/podcast.xml");
        var feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync());
        var item = Assert.Single(feed.Root!.Element("channel")!.Elements("item"));
        var enclosure = item.Element("enclosure")!;
        var url = enclosure.Attribute("url")!.Value;
        using var range = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100, 1099) } };
        using var partial = await http.SendAsync(range);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var whole = await http.GetByteArrayAsync(url);

        Assert.Equal(HttpStatusCode.OK, feedResponse.StatusCode);
        Assert.Equal("application/rss+xml", feedResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2.0", feed.Root.Attribute("version")!.Value);
        Assert.Equal($"{app.Urls.First()}/podcast/{audio.Episode.Id}.mp3", url);
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), enclosure.Attribute("length")!.Value);
        Assert.Equal("strata-digest-" + digest.Stored!.Id, item.Element("guid")!.Value);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 100-1099/{bytes.Length}", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[100..1100], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        Assert.Equal("bytes", string.Join(',', head.Headers.AcceptRanges));
        Assert.Equal(bytes, whole);
        var cover = feed.Root.Element("channel")!.Element(XName.Get("image", "http://www.itunes.com/dtds/podcast-1.0.dtd"))!.Attribute("href")!.Value;
        Assert.Equal(Core.Audio.PodcastCover.Png, await http.GetByteArrayAsync(cover));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/podcast/..%2Fstrata.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/podcast/01NOSUCHEPISODE.mp3")).StatusCode);
    }

    [Fact]
    public async Task MapStrataPodcast_WithToken_RefusesRequestsWithoutIt_AndPutsItInEnclosureUrls()
    {
        await using var speech = await FakeSpeechServer.StartAsync();
        var (fixture, digest) = await AudioFixture.CreateAsync(options =>
        {
            UseFakeSpeech(options, speech);
            options.Podcast.Token = "s3cret token";
        });
        await using var _ = fixture;
        var audio = await fixture.Kb.CreateAudioDigestAsync(digest, None);
        await using var app = await StartAsync(fixture.Kb);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var refused = await http.GetAsync("/podcast.xml");
        var wrong = await http.GetAsync("/podcast.xml?token=guess");
        var feed = XDocument.Parse(await http.GetStringAsync("/podcast.xml?token=s3cret%20token"));
        var url = feed.Root!.Element("channel")!.Element("item")!.Element("enclosure")!.Attribute("url")!.Value;
        var episodeWithoutToken = await http.GetAsync($"/podcast/{audio.Episode.FileName}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.EndsWith("?token=s3cret%20token", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, episodeWithoutToken.StatusCode);
        Assert.Equal(audio.Episode.Bytes, (await http.GetByteArrayAsync(url)).LongLength);
    }

    [Fact]
    public async Task MapStrataPodcast_NoTokenAndAForwardedRequest_IsRefused()
    {
        var (fixture, _) = await AudioFixture.CreateAsync(stories: []);
        await using var __ = fixture;
        await using var app = await StartAsync(fixture.Kb);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/podcast.xml") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };

        var response = await http.SendAsync(forwarded);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Podcast.Token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/podcast.xml")).StatusCode);
    }

    [Fact]
    public async Task ExportPodcastAsync_WritesFeedAndFiles_EnclosureLengthsMatchTheFiles()
    {
        await using var speech = await FakeSpeechServer.StartAsync();
        var (fixture, digest) = await AudioFixture.CreateAsync(options => UseFakeSpeech(options, speech));
        await using var _ = fixture;
        var audio = await fixture.Kb.CreateAudioDigestAsync(digest, None);
        var folder = fixture.Directory.Combine("site");

        var count = await fixture.Kb.ExportPodcastAsync(folder, "https://example.org/pod", None);
        var again = await fixture.Kb.ExportPodcastAsync(folder, "https://example.org/pod", None);

        var feed = XDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "podcast.xml")));
        var enclosure = feed.Root!.Element("channel")!.Element("item")!.Element("enclosure")!;
        Assert.Equal((1, 1), (count, again));
        Assert.Equal($"https://example.org/pod/{audio.Episode.Id}.mp3", enclosure.Attribute("url")!.Value);
        Assert.Equal(new FileInfo(Path.Combine(folder, audio.Episode.FileName)).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), enclosure.Attribute("length")!.Value);
        Assert.Equal(await File.ReadAllBytesAsync(audio.Path), await File.ReadAllBytesAsync(Path.Combine(folder, audio.Episode.FileName)));
        Assert.Equal("https://example.org/pod/cover.png", feed.Root.Element("channel")!.Element("image")!.Element("url")!.Value);
        Assert.True(File.Exists(Path.Combine(folder, "cover.png")));
        Assert.Equal("https://example.org/pod/podcast.xml", feed.Root.Element("channel")!.Element(XName.Get("link", "http://www.w3.org/2005/Atom"))!.Attribute("href")!.Value);
    }

    private static void UseFakeSpeech(Configuration.StrataOptions options, FakeSpeechServer speech)
    {
        options.Tts.Engine = TtsOptions.OpenAi;
        options.Tts.Endpoint = speech.Endpoint;
    }

    private static async Task<WebApplication> StartAsync(KnowledgeBase kb)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(PodcastEndpointTests).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapStrataPodcast(kb);
        await app.StartAsync();
        return app;
    }
}
