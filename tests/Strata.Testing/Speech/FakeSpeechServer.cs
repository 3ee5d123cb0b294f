using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Strata.Testing.Speech;

/// <summary>
/// A real Kestrel server on 127.0.0.1 speaking OpenAI's <c>POST /v1/audio/speech</c>: answers a WAV tone
/// (24 kHz mono) lasting <see cref="MillisecondsPerChar"/> per input character, so tests can predict lengths.
/// Every request is recorded; <see cref="FailNext"/> makes the next requests fail with a status.
/// </summary>
public sealed class FakeSpeechServer : IAsyncDisposable
{
    public const int SampleRate = 24000;
    public const int MillisecondsPerChar = 40;

    private readonly WebApplication _app;
    private readonly List<SpeechRequestRecord> _requests = [];
    private int _failuresLeft;
    private int _failureStatus;

    private FakeSpeechServer(WebApplication app) => _app = app;

    /// <summary>The OpenAI-style endpoint, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    public IReadOnlyList<SpeechRequestRecord> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeSpeechServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeSpeechServer).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeSpeechServer(app);
        app.MapPost("/v1/audio/speech", (Delegate)server.SpeechAsync);
        await app.StartAsync();
        server.Endpoint = app.Urls.First() + "/v1";
        return server;
    }

    public void FailNext(int count, int status)
    {
        Interlocked.Exchange(ref _failureStatus, status);
        Interlocked.Exchange(ref _failuresLeft, count);
    }

    /// <summary>The length of the tone served for <paramref name="input"/>.</summary>
    public static TimeSpan DurationFor(string input) => TimeSpan.FromMilliseconds(Math.Max(200, input.Length * MillisecondsPerChar));

    /// <summary>A mono 16-bit WAV of a 440 Hz tone.</summary>
    public static byte[] Tone(TimeSpan duration, int rate = SampleRate)
    {
        var samples = (int)(duration.TotalSeconds * rate);
        var wav = new byte[44 + (samples * 2)];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), samples * 2);
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(Math.Sin(2 * Math.PI * 440 * i / rate) * 12000);
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 2)), value);
        }

        return wav;
    }

    private async Task<IResult> SpeechAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var record = new SpeechRequestRecord(
            root.GetProperty("model").GetString()!, root.GetProperty("input").GetString()!, root.GetProperty("voice").GetString()!,
            root.TryGetProperty("response_format", out var format) ? format.GetString() : null, context.Request.Headers.Authorization.ToString());
        lock (_requests)
        {
            _requests.Add(record);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.Json(new { error = new { message = "speech failed on purpose" } }, statusCode: _failureStatus);
        }

        return Results.Bytes(Tone(DurationFor(record.Input)), "audio/wav");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One speech request as the server saw it.</summary>
public sealed record SpeechRequestRecord(string Model, string Input, string Voice, string? ResponseFormat, string Authorization);
