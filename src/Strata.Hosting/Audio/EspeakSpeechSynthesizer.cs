using System.Globalization;
using System.Text;
using Strata.Core.Audio;

namespace Strata.Hosting.Audio;

/// <summary>
/// espeak-ng (offline, no model): one process per segment, text on standard input as UTF-8, WAV on standard
/// output. The voice follows the language: the configured <see cref="TtsOptions.Voices"/>, else a built-in
/// choice (Mandarin <c>cmn</c> for Chinese), else the language code itself, which espeak-ng knows for ~100 languages.
/// </summary>
public sealed class EspeakSpeechSynthesizer(TtsOptions options) : ISpeechSynthesizer
{
    private static readonly Dictionary<string, string> BuiltInVoices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-us",
        ["zh"] = "cmn",
        ["zh-cn"] = "cmn",
        ["zh-tw"] = "cmn",
        ["zh-hk"] = "yue",
        ["ja"] = "ja",
    };

    public string Name => "espeak-ng";

    public string VoiceFor(string language)
    {
        var code = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim();
        var primary = code.Split('-', '_')[0];
        return options.Voices.GetValueOrDefault(code) ?? options.Voices.GetValueOrDefault(primary)
            ?? BuiltInVoices.GetValueOrDefault(code) ?? BuiltInVoices.GetValueOrDefault(primary) ?? primary.ToLowerInvariant();
    }

    public async Task<PcmAudio> SynthesizeAsync(string text, string language, CancellationToken cancellationToken)
    {
        string[] arguments = ["-v", VoiceFor(language), "-s", options.Rate.ToString(CultureInfo.InvariantCulture), "-b", "1", "--stdout"];
        var wav = await ExternalProgram.RunAsync(options.EspeakPath, arguments, Encoding.UTF8.GetBytes(text + "\n"), options.Timeout, cancellationToken).ConfigureAwait(false);
        return await AudioDecoder.DecodeAsync(wav, options.Timeout, cancellationToken).ConfigureAwait(false);
    }
}
