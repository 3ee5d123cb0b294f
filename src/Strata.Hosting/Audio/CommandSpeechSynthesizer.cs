using System.Text;
using Strata.Core.Audio;

namespace Strata.Hosting.Audio;

/// <summary>
/// Any local TTS program, from the <see cref="TtsOptions.Command"/> template (e.g. piper): run without a shell,
/// the text on standard input (and in <c>{text}</c>), WAV read from <c>{out}</c> or standard output.
/// </summary>
public sealed class CommandSpeechSynthesizer(TtsOptions options) : ISpeechSynthesizer
{
    private readonly IReadOnlyList<string> _template = CommandTemplate.Split(options.Command ?? throw new SpeechException("Tts.Command is not set"));

    public string Name => $"command:{Path.GetFileName(_template[0])}";

    public async Task<PcmAudio> SynthesizeAsync(string text, string language, CancellationToken cancellationToken)
    {
        var output = Path.Combine(Path.GetTempPath(), $"strata-tts-{Guid.NewGuid():N}.wav");
        var voice = options.Voices.GetValueOrDefault(language) ?? options.Voice;
        var arguments = _template.Select(part => part
            .Replace("{out}", output, StringComparison.Ordinal)
            .Replace("{text}", text, StringComparison.Ordinal)
            .Replace("{lang}", language, StringComparison.Ordinal)
            .Replace("{voice}", voice, StringComparison.Ordinal)).ToArray();
        try
        {
            var stdout = await ExternalProgram.RunAsync(arguments[0], arguments.Skip(1), Encoding.UTF8.GetBytes(text + "\n"), options.Timeout, cancellationToken).ConfigureAwait(false);
            var wav = _template.Any(part => part.Contains("{out}", StringComparison.Ordinal))
                ? File.Exists(output) ? await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false) : throw new SpeechException($"'{arguments[0]}' did not write {{out}}")
                : stdout;
            return await AudioDecoder.DecodeAsync(wav, options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
