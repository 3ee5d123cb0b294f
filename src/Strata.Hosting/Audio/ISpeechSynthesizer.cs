using Strata.Core.Audio;

namespace Strata.Hosting.Audio;

/// <summary>A text-to-speech engine. Implementations are thread-safe: segments are synthesized in parallel.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>Names the engine (and voice) in episode metadata.</summary>
    string Name { get; }

    /// <summary>Speaks <paramref name="text"/> with a voice for <paramref name="language"/> (ISO 639-1). Throws <see cref="SpeechException"/> on any failure.</summary>
    Task<PcmAudio> SynthesizeAsync(string text, string language, CancellationToken cancellationToken);
}
