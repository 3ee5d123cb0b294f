using System.Globalization;
using System.Text;
using Strata.Hosting;
using Strata.Hosting.Audio;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;

namespace Strata.Bench;

/// <summary>
/// <c>--audio-only [--stories N] [--out path]</c>: synthesis speed of an audio digest with the real espeak-ng as a
/// real-time factor (seconds of audio per second of work), for a digest of N stories (20 by default): with one
/// segment at a time and with one per core, speech alone and end to end (speech, joining, MP3 encoding, ID3 tag,
/// stored). Writes its own section of the report.
/// </summary>
internal static class AudioBenchmark
{
    public const string Flag = "--audio-only";
    private const double Target = 20;
    private const int Runs = 3;
    private const string Begin = "<!-- audio:begin -->";
    private const string End = "<!-- audio:end -->";

    private static readonly string[] Subjects = ["glaciers", "coral reefs", "river deltas", "solar farms", "language models", "battery chemistry", "city trams", "wheat yields", "deep-sea cables", "bird migration"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var stories = 20;
        var output = "docs/benchmarks.md";
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--stories" && i + 1 < args.Count)
            {
                stories = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--out" && i + 1 < args.Count)
            {
                output = args[++i];
            }
        }

        var root = Path.Combine(Path.GetTempPath(), "strata-bench-audio-" + Guid.NewGuid().ToString("N"));
        try
        {
            var rows = new List<string>();
            foreach (var concurrency in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                await MeasureAsync(rows, Path.Combine(root, $"c{concurrency}"), stories, concurrency, cancellationToken);
            }

            Write(output, stories, rows);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task MeasureAsync(List<string> rows, string folder, int stories, int concurrency, CancellationToken cancellationToken)
    {
        var data = new DataDirectory(folder);
        var options = new StrataOptions { DataDirectory = data.Root };
        options.Tts.Concurrency = concurrency;
        await using var kb = await KnowledgeBase.OpenAsync(data, options, cancellationToken: cancellationToken);
        for (var i = 0; i < stories; i++)
        {
            await kb.AddNoteAsync(Story(i), new AddOptions { Title = Title(i), Tags = [Subjects[i % Subjects.Length].Replace(' ', '-')] }, null, cancellationToken);
        }

        var digest = await kb.CreateDigestAsync(DateTimeOffset.UtcNow.AddHours(-1), null, store: false, send: false, cancellationToken);
        await kb.CreateAudioDigestAsync(digest, cancellationToken);
        var runs = new List<AudioDigestResult>();
        for (var run = 0; run < Runs; run++)
        {
            runs.Add(await kb.CreateAudioDigestAsync(digest, cancellationToken));
        }

        var median = runs.OrderBy(r => r.RealTimeFactor).ElementAt(Runs / 2);
        var seconds = median.Episode.DurationMs / 1000.0;
        var speechFactor = seconds / median.SpeechSeconds;
        var label = string.Create(CultureInfo.InvariantCulture, $"{stories}-story digest, espeak-ng, {concurrency} segment(s) at a time");
        rows.Add(Row(label + ": speech only", "real-time factor", $"{speechFactor:F0}×", $"{seconds:F0} s of audio in {median.SpeechSeconds:F2} s", string.Empty, "reported"));
        rows.Add(Row(label + ": end to end (speech, MP3, tag, stored)", "real-time factor", $"{median.RealTimeFactor:F0}×",
            $"{seconds / median.RealTimeFactor:F2} s; {median.Episode.Bytes / 1024.0:F0} KiB; median of {Runs}",
            $"≥ {Target:F0}×", median.RealTimeFactor >= Target ? "met" : "missed"));
        Console.Out.WriteLine(rows[^2]);
        Console.Out.WriteLine(rows[^1]);
    }

    private static string Title(int i) => string.Create(CultureInfo.InvariantCulture, $"New survey of {Subjects[i % Subjects.Length]}, part {(i / Subjects.Length) + 1}");

    private static string Story(int i)
    {
        var subject = Subjects[i % Subjects.Length];
        return string.Create(CultureInfo.InvariantCulture,
            $"Researchers published a survey of {subject} covering {12 + i} sites over {3 + (i % 5)} years. " +
            $"They found that conditions changed faster than expected, by about {5 + i}% a year, and that the change was strongest in the last two seasons. " +
            $"The authors argue that better measurements of {subject} would help planners, and they share their data openly.");
    }

    private static string Row(string label, string metric, string value, string note, string target, string verdict) =>
        $"| {label} | {metric} | {value} | {note} | {target} | {verdict} |";

    private static void Write(string output, int stories, List<string> rows)
    {
        var section = new StringBuilder()
            .AppendLine(Begin)
            .AppendLine("## Audio digests")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Strata.Bench -- {Flag}{(stories == 20 ? string.Empty : $" --stories {stories}")}` on {Environment.ProcessorCount} cores, {DateTimeOffset.UtcNow:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine("| benchmark | metric | value | note | target | verdict |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            section.AppendLine(row);
        }

        section.AppendLine()
            .AppendLine("- Real-time factor = seconds of audio ÷ seconds of work. Notes of three sentences each are added, a digest is made of them, and `KnowledgeBase.CreateAudioDigestAsync` reads it: one espeak-ng process per segment (intro, one per story, outro), WAV parsed and joined with 0.8 s pauses, then one ffmpeg encode (libmp3lame at quality 7, 64 kbit/s CBR, mono 22.05 kHz), the ID3v2.3 tag with chapters, the MP3 and its record written to `audio/`. One warm-up run, then the median of three. \"Speech only\" stops the clock before encoding.")
            .AppendLine(End);
        var text = File.Exists(output) ? File.ReadAllText(output) : "# Benchmarks\n";
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? text[..start] + section.ToString().TrimEnd() + text[(end + End.Length)..]
            : text.TrimEnd() + "\n\n" + section;
        File.WriteAllText(output, text);
        Console.Out.Write(section.ToString());
    }
}
