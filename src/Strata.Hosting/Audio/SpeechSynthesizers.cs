namespace Strata.Hosting.Audio;

/// <summary>Creates the configured speech engine.</summary>
public static class SpeechSynthesizers
{
    /// <summary>The engine <see cref="TtsOptions.Engine"/> names; dispose it when it is disposable. Throws <see cref="SpeechException"/> when misconfigured.</summary>
    public static ISpeechSynthesizer Create(TtsOptions options) => options.Engine.ToLowerInvariant() switch
    {
        TtsOptions.Espeak => new EspeakSpeechSynthesizer(options),
        TtsOptions.OpenAi => new OpenAiSpeechSynthesizer(options),
        TtsOptions.CommandEngine => new CommandSpeechSynthesizer(options),
        _ => throw new SpeechException($"Tts.Engine must be espeak, openai or command (not '{options.Engine}')"),
    };
}
