using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Strata.Core.Audio;

namespace Strata.Hosting.Audio;

/// <summary>
/// An OpenAI-compatible <c>POST {endpoint}/audio/speech</c> (OpenAI, and local servers that copy it): asks for WAV,
/// decodes other formats through ffmpeg. The voice is <see cref="TtsOptions.Voices"/> for the language, else <see cref="TtsOptions.Voice"/>.
/// </summary>
public sealed class OpenAiSpeechSynthesizer : ISpeechSynthesizer, IDisposable
{
    private readonly TtsOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _speech;

    public OpenAiSpeechSynthesizer(TtsOptions options)
    {
        _options = options;
        var endpoint = options.Endpoint ?? throw new SpeechException("Tts.Endpoint is not set");
        _speech = new Uri(endpoint.TrimEnd('/') + "/audio/speech");
        _http = new HttpClient { Timeout = options.Timeout };
    }

    public string Name => $"openai:{_options.Model}";

    public async Task<PcmAudio> SynthesizeAsync(string text, string language, CancellationToken cancellationToken)
    {
        var voice = _options.Voices.GetValueOrDefault(language) ?? _options.Voices.GetValueOrDefault(language.Split('-')[0]) ?? _options.Voice;
        using var request = new HttpRequestMessage(HttpMethod.Post, _speech)
        {
            Content = JsonContent.Create(new SpeechRequest(_options.Model, text, voice, "wav"), SpeechJson.Default.SpeechRequest),
        };
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        byte[] audio;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            audio = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var body = System.Text.Encoding.UTF8.GetString(audio.AsSpan(0, Math.Min(audio.Length, 200))).ReplaceLineEndings(" ");
                throw new SpeechException($"speech endpoint {_speech} answered {(int)response.StatusCode}: {body}");
            }
        }
        catch (HttpRequestException exception)
        {
            throw new SpeechException($"speech endpoint {_speech} failed: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechException($"speech endpoint {_speech} took longer than {_options.Timeout.TotalSeconds:0} s", exception);
        }

        return await AudioDecoder.DecodeAsync(audio, _options.Timeout, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The body of an OpenAI speech request.</summary>
internal sealed record SpeechRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("voice")] string Voice,
    [property: JsonPropertyName("response_format")] string ResponseFormat);

[JsonSerializable(typeof(SpeechRequest))]
internal sealed partial class SpeechJson : JsonSerializerContext;
