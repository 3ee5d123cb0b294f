using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Strata.Hosting.Tests.Audio;

/// <summary>What ffprobe and ffmpeg (the real Debian programs) say about an MP3.</summary>
internal static class MediaProbe
{
    public const int Rate = 22050;

    public sealed record Chapter(string Title, double Start, double End);

    public sealed record Probe(double Seconds, string? Title, string? Album, IReadOnlyList<Chapter> Chapters);

    public static async Task<Probe> ProbeAsync(string path)
    {
        var json = await RunAsync("ffprobe", ["-v", "error", "-show_format", "-show_chapters", "-of", "json", path]);
        using var document = JsonDocument.Parse(json);
        var format = document.RootElement.GetProperty("format");
        var tags = format.TryGetProperty("tags", out var t) ? t : default;
        string? Tag(string name) => tags.ValueKind == JsonValueKind.Object && tags.TryGetProperty(name, out var v) ? v.GetString() : null;
        var chapters = document.RootElement.GetProperty("chapters").EnumerateArray().Select(c => new Chapter(
            c.GetProperty("tags").GetProperty("title").GetString()!,
            double.Parse(c.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture),
            double.Parse(c.GetProperty("end_time").GetString()!, CultureInfo.InvariantCulture))).ToArray();
        return new Probe(double.Parse(format.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture), Tag("title"), Tag("album"), chapters);
    }

    /// <summary>The decoded audio as mono 16-bit samples at <see cref="Rate"/>.</summary>
    public static async Task<short[]> DecodeAsync(string path)
    {
        var bytes = await RunBytesAsync("ffmpeg", ["-v", "error", "-i", path, "-f", "s16le", "-ac", "1", "-ar", Rate.ToString(CultureInfo.InvariantCulture), "pipe:1"]);
        return MemoryMarshal.Cast<byte, short>(bytes).ToArray();
    }

    /// <summary>Root-mean-square level of [<paramref name="start"/>, <paramref name="end"/>) seconds.</summary>
    public static double Rms(short[] samples, double start, double end)
    {
        var from = Math.Clamp((int)(start * Rate), 0, samples.Length);
        var to = Math.Clamp((int)(end * Rate), from, samples.Length);
        if (to == from)
        {
            return 0;
        }

        double sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += (double)samples[i] * samples[i];
        }

        return Math.Sqrt(sum / (to - from));
    }

    private static async Task<string> RunAsync(string program, string[] arguments) =>
        System.Text.Encoding.UTF8.GetString(await RunBytesAsync(program, arguments));

    private static async Task<byte[]> RunBytesAsync(string program, string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        await copy;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await error}");
        }

        return output.ToArray();
    }
}
