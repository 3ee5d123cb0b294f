namespace Strata.Hosting.Audio;

/// <summary>Audio digests (section <c>Audio</c>): length, pauses and MP3 encoding.</summary>
public sealed class AudioOptions
{
    /// <summary>Language of the intro and outro (stories are read in their own language).</summary>
    public string Language { get; set; } = "en";

    /// <summary>Longest an audio digest may run; later stories are left out (and counted in the outro).</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Silence between segments.</summary>
    public TimeSpan Pause { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary><c>auto</c> (ffmpeg, else lame), <c>ffmpeg</c> or <c>lame</c>.</summary>
    public string Encoder { get; set; } = "auto";

    /// <summary>MP3 bit rate in kbit/s (constant, so players know the length exactly).</summary>
    public int Bitrate { get; set; } = 64;

    /// <summary>Sample rate of the MP3 (speech needs no more; every engine's output is resampled to it).</summary>
    public int SampleRate { get; set; } = 22050;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxDuration < TimeSpan.FromSeconds(30))
        {
            problems.Add("Audio.MaxDuration must be at least 30 seconds");
        }

        if (Encoder.ToLowerInvariant() is not ("auto" or "ffmpeg" or "lame"))
        {
            problems.Add("Audio.Encoder must be auto, ffmpeg or lame");
        }

        if (Bitrate is not (32 or 40 or 48 or 56 or 64 or 80 or 96 or 112 or 128 or 160 or 192))
        {
            problems.Add("Audio.Bitrate must be an MP3 bit rate between 32 and 192 kbit/s");
        }

        if (SampleRate is not (16000 or 22050 or 24000 or 32000 or 44100 or 48000))
        {
            problems.Add("Audio.SampleRate must be 16000, 22050, 24000, 32000, 44100 or 48000");
        }

        return problems;
    }
}
