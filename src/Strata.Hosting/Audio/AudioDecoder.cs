using Strata.Core.Audio;

namespace Strata.Hosting.Audio;

/// <summary>Turns what an engine returned into PCM: WAV directly, anything else (MP3, Opus, FLAC…) through ffmpeg when it is installed.</summary>
internal static class AudioDecoder
{
    private const int DecodeRate = 24000;

    public static async Task<PcmAudio> DecodeAsync(byte[] audio, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (audio.Length == 0)
        {
            throw new SpeechException("the speech engine returned no audio");
        }

        if (audio.AsSpan().StartsWith("RIFF"u8))
        {
            try
            {
                return WavReader.Read(audio);
            }
            catch (FormatException exception)
            {
                throw new SpeechException($"unreadable WAV from the speech engine: {exception.Message}", exception);
            }
        }

        if (!ExternalProgram.Exists(Mp3Encoder.Ffmpeg))
        {
            throw new SpeechException("the speech engine returned audio that is not WAV, and ffmpeg (needed to decode it) is not installed");
        }

        string[] arguments = ["-hide_banner", "-loglevel", "error", "-i", "pipe:0", "-f", "wav", "-acodec", "pcm_s16le", "-ac", "1", "-ar", DecodeRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "pipe:1"];
        var wav = await ExternalProgram.RunAsync(Mp3Encoder.Ffmpeg, arguments, audio, timeout, cancellationToken).ConfigureAwait(false);
        return WavReader.Read(wav);
    }
}
