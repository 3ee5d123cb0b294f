namespace Strata.Hosting.Audio;

/// <summary>The private podcast feed of audio digests (section <c>Podcast</c>).</summary>
public sealed class PodcastOptions
{
    /// <summary>
    /// Secret required as <c>?token=…</c> on <c>/podcast.xml</c> and its episodes. Without one, the feed is served
    /// only to loopback clients. From the environment preferably (<c>STRATA__PODCAST__TOKEN</c>).
    /// </summary>
    public string? Token { get; set; }

    public string Title { get; set; } = "Strata digests";

    public string Description { get; set; } = "What arrived in my Strata knowledge base, read aloud.";

    public string Author { get; set; } = "Strata";

    /// <summary>Where an exported feed will be hosted (enclosure URLs are built on it), e.g. <c>https://example.org/podcast/</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Cover art URL, when there is one.</summary>
    public string? ImageUrl { get; set; }

    /// <summary>Most episodes listed in the feed (newest first).</summary>
    public int Episodes { get; set; } = 100;
}
