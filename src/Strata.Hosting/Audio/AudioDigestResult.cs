using Strata.Core.Audio;

namespace Strata.Hosting.Audio;

/// <summary>A made audio digest: the stored episode and where its MP3 is, plus one line per segment that could not be read.</summary>
public sealed record AudioDigestResult(AudioEpisode Episode, string Path, IReadOnlyList<string> Problems, double SpeechSeconds)
{
    /// <summary>Seconds of audio per second of work (synthesis, joining and encoding).</summary>
    public double RealTimeFactor { get; init; }
}
