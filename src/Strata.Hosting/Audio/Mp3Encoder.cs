using System.Globalization;
using System.Runtime.InteropServices;

namespace Strata.Hosting.Audio;

/// <summary>
/// Encodes PCM to constant-bit-rate MP3 with ffmpeg (libmp3lame) or lame, into a temporary file so the encoder
/// can write its Info frame (players read the exact length from it). No tags: the caller writes its own ID3 tag.
/// </summary>
public sealed class Mp3Encoder(AudioOptions options, TimeSpan timeout)
{
    public const string Ffmpeg = "ffmpeg";
    public const string Lame = "lame";

    /// <summary>LAME's algorithm quality (0 best … 9 fastest): 7 encodes about three times faster than the default and speech at 64 kbit/s loses nothing audible.</summary>
    public const string Quality = "7";

    /// <summary>The encoder that will run, or null when neither is installed.</summary>
    public string? Program => options.Encoder.ToLowerInvariant() switch
    {
        Ffmpeg => Ffmpeg,
        Lame => Lame,
        _ => ExternalProgram.Exists(Ffmpeg) ? Ffmpeg : ExternalProgram.Exists(Lame) ? Lame : null,
    };

    /// <summary>Encodes the <paramref name="pieces"/> (mono 16-bit PCM at <paramref name="sampleRate"/>) as one track, streamed to the encoder. Throws <see cref="SpeechException"/> when no encoder is installed or it fails.</summary>
    public async Task<byte[]> EncodeAsync(IReadOnlyList<short[]> pieces, int sampleRate, CancellationToken cancellationToken)
    {
        var program = Program ?? throw new SpeechException("no MP3 encoder: install ffmpeg or lame (apt-get install ffmpeg)");
        if (!BitConverter.IsLittleEndian)
        {
            throw new SpeechException("MP3 encoding expects a little-endian machine");
        }

        var output = Path.Combine(Path.GetTempPath(), $"strata-audio-{Guid.NewGuid():N}.mp3");
        var rate = sampleRate.ToString(CultureInfo.InvariantCulture);
        var bitrate = options.Bitrate.ToString(CultureInfo.InvariantCulture);
        string[] arguments = program == Lame
            ? ["--quiet", "-q", Quality, "-r", "-s", (sampleRate / 1000.0).ToString(CultureInfo.InvariantCulture), "--bitwidth", "16", "--signed", "--little-endian", "-m", "m", "--cbr", "-b", bitrate, "-", output]
            : ["-hide_banner", "-loglevel", "error", "-y", "-f", "s16le", "-ar", rate, "-ac", "1", "-i", "pipe:0", "-codec:a", "libmp3lame", "-compression_level", Quality, "-b:a", bitrate + "k", "-id3v2_version", "0", "-write_id3v1", "0", "-f", "mp3", output];
        try
        {
            await ExternalProgram.RunAsync(program, arguments, (stdin, token) => WritePcmAsync(stdin, pieces, token), timeout, cancellationToken).ConfigureAwait(false);
            return await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static async Task WritePcmAsync(Stream stdin, IReadOnlyList<short[]> pieces, CancellationToken cancellationToken)
    {
        foreach (var piece in pieces)
        {
            await stdin.WriteAsync(MemoryMarshal.AsBytes(piece.AsSpan()).ToArray(), cancellationToken).ConfigureAwait(false);
        }
    }
}
