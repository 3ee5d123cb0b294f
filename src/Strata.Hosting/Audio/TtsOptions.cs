namespace Strata.Hosting.Audio;

/// <summary>Text-to-speech (section <c>Tts</c>): which engine reads audio digests, and its settings.</summary>
public sealed class TtsOptions
{
    public const string Espeak = "espeak";
    public const string OpenAi = "openai";
    public const string CommandEngine = "command";

    /// <summary><c>espeak</c> (espeak-ng, offline, the default), <c>openai</c> (an OpenAI-compatible <c>/v1/audio/speech</c>) or <c>command</c>.</summary>
    public string Engine { get; set; } = Espeak;

    /// <summary>
    /// The <c>command</c> engine's command line, e.g. <c>piper --model en_US-lessac-medium.onnx --output_file {out}</c>.
    /// Placeholders: <c>{out}</c> (a WAV file it must write; without it, WAV is read from standard output),
    /// <c>{text}</c>, <c>{lang}</c>, <c>{voice}</c>. The text is also given on standard input. Run without a shell.
    /// </summary>
    public string? Command { get; set; }

    /// <summary>The espeak-ng program.</summary>
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>espeak-ng's speaking rate in words per minute.</summary>
    public int Rate { get; set; } = 175;

    /// <summary>Voice per language (ISO 639-1 → voice name), over the built-in espeak-ng choices (<c>en</c> → <c>en-us</c>, <c>zh</c> → <c>cmn</c>).</summary>
    public Dictionary<string, string> Voices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The OpenAI-compatible server's base URL including <c>/v1</c>, e.g. <c>https://api.openai.com/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>From the environment only (<c>STRATA__TTS__APIKEY</c>).</summary>
    public string? ApiKey { get; set; }

    public string Model { get; set; } = "tts-1";

    /// <summary>The OpenAI-compatible engine's voice (unless <see cref="Voices"/> names one for the language).</summary>
    public string Voice { get; set; } = "alloy";

    /// <summary>Segments synthesized at once.</summary>
    public int Concurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Longest one segment may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        switch (Engine.ToLowerInvariant())
        {
            case Espeak:
                break;
            case OpenAi when string.IsNullOrWhiteSpace(Endpoint):
                problems.Add("Tts.Endpoint is required for the openai engine");
                break;
            case OpenAi:
                break;
            case CommandEngine when string.IsNullOrWhiteSpace(Command):
                problems.Add("Tts.Command is required for the command engine");
                break;
            case CommandEngine:
                break;
            default:
                problems.Add($"Tts.Engine must be espeak, openai or command (not '{Engine}')");
                break;
        }

        if (Concurrency is < 1 or > 64)
        {
            problems.Add("Tts.Concurrency must be between 1 and 64");
        }

        if (Rate is < 80 or > 450)
        {
            problems.Add("Tts.Rate must be between 80 and 450 words per minute");
        }

        return problems;
    }
}
