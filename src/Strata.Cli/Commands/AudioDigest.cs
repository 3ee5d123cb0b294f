using System.Globalization;
using Strata.Cli.Output;
using Strata.Core.Audio;
using Strata.Hosting;
using Strata.Hosting.Audio;
using Strata.Hosting.Digests;

namespace Strata.Cli.Commands;

/// <summary>The <c>--audio</c> part of <c>strata digest</c>: makes the episode and says what came of it.</summary>
internal static class AudioDigest
{
    /// <summary>The episode, or the one-line reason none was made (the written digest is kept either way).</summary>
    public static async Task<(AudioDigestResult? Audio, string? Error)> ReadAloudAsync(KnowledgeBase kb, DigestResult digest, CancellationToken cancellationToken)
    {
        try
        {
            return (await kb.CreateAudioDigestAsync(digest, cancellationToken), null);
        }
        catch (SpeechException exception)
        {
            return (null, $"audio digest not made: {exception.Message}");
        }
    }

    public static void Report(AudioDigestResult audio)
    {
        var episode = audio.Episode;
        Terminal.Line(string.Create(CultureInfo.InvariantCulture,
            $"audio digest {episode.Id}: {audio.Path} ({PodcastFeedWriter.Clock(episode.DurationMs)}, {episode.Stories} {(episode.Stories == 1 ? "story" : "stories")}, {episode.Bytes / 1024.0:0} KiB, {audio.RealTimeFactor:0}× real time with {episode.Engine})"));
        if (episode.StoriesLeftOut > 0)
        {
            Terminal.Line($"  {episode.StoriesLeftOut} stories left out to keep within Audio.MaxDuration");
        }

        foreach (var problem in audio.Problems)
        {
            Terminal.Error($"not read: {problem}");
        }
    }

    public static AudioJson ToJson(AudioDigestResult? audio, string? error) => audio is null
        ? new AudioJson(null, null, 0, 0, 0, 0, [], error, 0)
        : new AudioJson(audio.Episode.Id, audio.Path, audio.Episode.DurationMs / 1000.0, audio.Episode.Bytes, audio.Episode.Stories, audio.Episode.StoriesLeftOut, [.. audio.Problems], error, Math.Round(audio.RealTimeFactor, 1));
}
