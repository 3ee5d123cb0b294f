namespace Strata.Hosting.Audio;

/// <summary>Names shared by the served and the exported podcast.</summary>
public static class PodcastFeed
{
    public const string FileName = "podcast.xml";
    public const string FeedPath = "/podcast.xml";
    public const string EpisodesPath = "/podcast";
    public const string TokenParameter = "token";
    public const string MediaType = "application/rss+xml; charset=utf-8";
}
