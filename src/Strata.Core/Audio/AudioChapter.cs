namespace Strata.Core.Audio;

/// <summary>A chapter of an audio digest, in milliseconds from the start of the audio.</summary>
public sealed record AudioChapter(string Title, long StartMs, long EndMs, string? ItemId = null, string? Link = null, string? Source = null);
