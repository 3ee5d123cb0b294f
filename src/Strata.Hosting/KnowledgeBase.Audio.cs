using System.Diagnostics;
using Strata.Core.Audio;
using Strata.Core.Digests;
using Strata.Hosting.Audio;
using Strata.Hosting.Digests;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    private AudioEpisodeStore? _audioEpisodes;

    /// <summary>Audio digests (MP3 and record) in <c>audio/</c> of the data directory.</summary>
    public AudioEpisodeStore AudioEpisodes => _audioEpisodes ??= new AudioEpisodeStore(Path.Combine(DataDirectory, "audio"));

    /// <summary>
    /// Reads a digest aloud with the configured engine (<c>Tts</c>) and keeps it as a podcast episode: an MP3 with
    /// an ID3 title, date and a chapter per story. The episode id is the stored digest's id (a new one when the
    /// digest was not stored). Throws <see cref="SpeechException"/> when no speech could be made or encoded.
    /// </summary>
    public async Task<AudioDigestResult> CreateAudioDigestAsync(DigestResult digest, CancellationToken cancellationToken)
    {
        var timer = Stopwatch.StartNew();
        var id = digest.Stored?.Id ?? Ulid.NewUlid(_time.GetUtcNow()).ToString();
        var createdAt = digest.Stored?.CreatedAt ?? _time.GetUtcNow();
        var script = AudioScript.Build(digest.Digest, Options.Audio.Language);
        var synthesizer = SpeechSynthesizers.Create(Options.Tts);
        AudioRendering rendering;
        try
        {
            var renderer = new AudioDigestRenderer(synthesizer, Options.Audio, Options.Tts.Concurrency, new Mp3Encoder(Options.Audio, Options.Tts.Timeout));
            rendering = await renderer.RenderAsync(script, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (synthesizer as IDisposable)?.Dispose();
        }

        var title = EpisodeTitle(digest.Digest);
        var tag = new Id3Tag(title, Options.Podcast.Title, Options.Podcast.Author, createdAt, DigestRenderer.Title(digest.Digest), rendering.DurationMs, rendering.Chapters);
        var header = Id3v2Writer.Write(tag);
        var mp3 = new byte[header.Length + rendering.Mp3.Length];
        header.CopyTo(mp3, 0);
        rendering.Mp3.CopyTo(mp3, header.Length);
        var episode = new AudioEpisode(id, title, createdAt, id + ".mp3", mp3.LongLength, rendering.DurationMs, rendering.Chapters, rendering.StoriesLeftOut, synthesizer.Name);
        var store = AudioEpisodes;
        await store.SaveAsync(episode, mp3, cancellationToken).ConfigureAwait(false);
        return new AudioDigestResult(episode, store.PathOf(episode), rendering.Problems, rendering.SpeechSeconds)
        {
            RealTimeFactor = rendering.DurationMs / 1000.0 / Math.Max(timer.Elapsed.TotalSeconds, 1e-6),
        };
    }

    /// <summary>Audio digests, newest first.</summary>
    public Task<IReadOnlyList<AudioEpisode>> ListAudioEpisodesAsync(int limit, CancellationToken cancellationToken) => AudioEpisodes.ListAsync(limit, cancellationToken);

    /// <summary>The podcast channel from the <c>Podcast</c> settings; <paramref name="defaultImage"/> is the built-in cover's URL, used unless <c>Podcast.ImageUrl</c> is set.</summary>
    public PodcastChannel GetPodcastChannel(string? defaultImage) =>
        new(Options.Podcast.Title, Options.Podcast.Description, Options.Podcast.Author, Options.Audio.Language, null, Options.Podcast.ImageUrl ?? defaultImage);

    /// <summary>
    /// Writes the podcast for static hosting into <paramref name="folder"/>: <c>podcast.xml</c>, the cover and every
    /// episode's MP3 (copied only when missing or changed). Enclosure URLs are <paramref name="baseUrl"/> + file name; without
    /// a base URL they are relative, which some podcast apps refuse. Returns how many episodes were written.
    /// </summary>
    public async Task<int> ExportPodcastAsync(string folder, string? baseUrl, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var episodes = await ListAudioEpisodesAsync(Options.Podcast.Episodes, cancellationToken).ConfigureAwait(false);
        var root = string.IsNullOrWhiteSpace(baseUrl) ? string.Empty : baseUrl.TrimEnd('/') + "/";
        foreach (var episode in episodes)
        {
            var target = Path.Combine(folder, episode.FileName);
            if (!File.Exists(target) || new FileInfo(target).Length != episode.Bytes)
            {
                File.Copy(AudioEpisodes.PathOf(episode), target + ".tmp", overwrite: true);
                File.Move(target + ".tmp", target, overwrite: true);
            }
        }

        await File.WriteAllBytesAsync(Path.Combine(folder, PodcastCover.FileName), PodcastCover.Png, cancellationToken).ConfigureAwait(false);
        var feed = PodcastFeedWriter.Write(GetPodcastChannel(root + PodcastCover.FileName), episodes, root + PodcastFeed.FileName, episode => root + Uri.EscapeDataString(episode.FileName));
        await File.WriteAllTextAsync(Path.Combine(folder, PodcastFeed.FileName), feed, cancellationToken).ConfigureAwait(false);
        return episodes.Count;
    }

    private static string EpisodeTitle(Digest digest) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Digest for {digest.WindowEnd:dddd d MMMM yyyy, HH:mm}: {digest.ItemCount} {(digest.ItemCount == 1 ? "item" : "items")}")
        + (digest.Tag is null ? string.Empty : $" (#{digest.Tag})");
}
