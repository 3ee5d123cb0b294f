using System.Text.Json;
using System.Text.Json.Serialization;
using Strata.Core.Audio;

namespace Strata.Hosting.Audio;

/// <summary>
/// Audio digests in the data directory's <c>audio/</c> folder: <c>{id}.mp3</c> and its <c>{id}.json</c> record.
/// Each file is written to a temporary name and renamed, the record last, so an episode is listed only once its
/// MP3 is complete. A record that cannot be read is skipped, never fatal. Thread-safe.
/// </summary>
public sealed class AudioEpisodeStore(string folder)
{
    private const string RecordExtension = ".json";

    public string Folder { get; } = folder;

    public async Task SaveAsync(AudioEpisode episode, byte[] mp3, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        await WriteAtomicallyAsync(Path.Combine(Folder, episode.FileName), mp3, cancellationToken).ConfigureAwait(false);
        await WriteAtomicallyAsync(Path.Combine(Folder, episode.Id + RecordExtension), JsonSerializer.SerializeToUtf8Bytes(episode, AudioJson.Default.AudioEpisode), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Episodes newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AudioEpisode>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var episodes = new List<AudioEpisode>();
        foreach (var record in Directory.EnumerateFiles(Folder, "*" + RecordExtension))
        {
            if (await ReadAsync(record, cancellationToken).ConfigureAwait(false) is { } episode)
            {
                episodes.Add(episode);
            }
        }

        return episodes.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id, StringComparer.Ordinal).Take(limit).ToArray();
    }

    /// <summary>The episode whose MP3 is <paramref name="fileName"/>, or null (also for names that try to leave the folder).</summary>
    public async Task<AudioEpisode?> FindByFileAsync(string fileName, CancellationToken cancellationToken)
    {
        if (fileName != Path.GetFileName(fileName) || !fileName.EndsWith(".mp3", StringComparison.Ordinal))
        {
            return null;
        }

        var episode = await ReadAsync(Path.Combine(Folder, Path.GetFileNameWithoutExtension(fileName) + RecordExtension), cancellationToken).ConfigureAwait(false);
        return episode?.FileName == fileName ? episode : null;
    }

    public string PathOf(AudioEpisode episode) => Path.Combine(Folder, episode.FileName);

    private async Task<AudioEpisode?> ReadAsync(string record, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(record);
            var episode = await JsonSerializer.DeserializeAsync(stream, AudioJson.Default.AudioEpisode, cancellationToken).ConfigureAwait(false);
            return episode is not null && File.Exists(Path.Combine(Folder, episode.FileName)) ? episode : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}

[JsonSerializable(typeof(AudioEpisode))]
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class AudioJson : JsonSerializerContext;
