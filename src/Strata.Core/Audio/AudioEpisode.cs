namespace Strata.Core.Audio;

/// <summary>
/// An audio digest as kept in the data directory: one MP3 file and what the podcast feed says about it.
/// <see cref="Id"/> is the digest's id, so an episode's GUID never changes.
/// </summary>
/// <param name="Id">The digest id (ULID).</param>
/// <param name="Title">Episode title (also the MP3's ID3 title).</param>
/// <param name="CreatedAt">When the digest was made (the feed's <c>pubDate</c>).</param>
/// <param name="FileName">The MP3's file name in the audio folder.</param>
/// <param name="Bytes">The MP3's exact size (the enclosure length).</param>
/// <param name="DurationMs">Length of the audio.</param>
/// <param name="Chapters">Intro, one chapter per story, outro.</param>
/// <param name="StoriesLeftOut">Stories not read because the digest was capped to the configured duration.</param>
/// <param name="Engine">The speech engine that read it.</param>
public sealed record AudioEpisode(
    string Id, string Title, DateTimeOffset CreatedAt, string FileName, long Bytes, long DurationMs,
    IReadOnlyList<AudioChapter> Chapters, int StoriesLeftOut, string Engine)
{
    public const string MediaType = "audio/mpeg";

    public int Stories => Chapters.Count(chapter => chapter.ItemId is not null);
}
