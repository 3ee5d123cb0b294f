namespace Strata.Core.Audio;

/// <summary>What an audio digest's ID3 tag says: title, album, artist, date, a comment and chapters.</summary>
public sealed record Id3Tag(string Title, string Album, string Artist, DateTimeOffset Date, string? Comment, long DurationMs, IReadOnlyList<AudioChapter> Chapters);
