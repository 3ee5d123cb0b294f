using System.Diagnostics;
using Strata.Core.Audio;

namespace Strata.Hosting.Audio;

/// <summary>
/// Reads a script aloud: synthesizes its segments in parallel, joins them with pauses into one track, cuts
/// stories that would run past <see cref="AudioOptions.MaxDuration"/> (the outro says how many), and encodes
/// MP3. A segment the engine fails on is reported and left out; the digest fails only when nothing could be read.
/// </summary>
public sealed class AudioDigestRenderer(ISpeechSynthesizer speech, AudioOptions options, int concurrency, Mp3Encoder encoder)
{
    /// <summary>Kept free at the end for the outro.</summary>
    public static readonly TimeSpan OutroReserve = TimeSpan.FromSeconds(8);

    /// <summary>Estimates are rough; stories are synthesized up to this multiple of the cap before real lengths decide.</summary>
    private const double EstimateSlack = 1.5;

    public async Task<AudioRendering> RenderAsync(IReadOnlyList<SpeechSegment> script, CancellationToken cancellationToken)
    {
        var timer = Stopwatch.StartNew();
        var chosen = PreCut(script);
        var audio = new PcmAudio?[chosen.Count];
        var problems = new string?[chosen.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, chosen.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (index, token) =>
        {
            var segment = chosen[index];
            try
            {
                audio[index] = (await speech.SynthesizeAsync(segment.Text, segment.Language, token).ConfigureAwait(false)).Resample(options.SampleRate);
            }
            catch (SpeechException exception)
            {
                problems[index] = $"{segment.Chapter}: {exception.Message}";
            }
        }).ConfigureAwait(false);

        if (audio.All(part => part is null))
        {
            throw new SpeechException(problems.FirstOrDefault(problem => problem is not null) ?? "nothing to read");
        }

        var track = new List<short[]>();
        var chapters = new List<AudioChapter>();
        var position = 0L;
        var pause = new short[(int)(options.Pause.TotalSeconds * options.SampleRate)];
        var limit = (long)((options.MaxDuration - OutroReserve).TotalSeconds * options.SampleRate);
        var storiesRead = 0;
        for (var index = 0; index < chosen.Count; index++)
        {
            if (audio[index] is not { } part)
            {
                continue;
            }

            if (chosen[index].IsStory && position + part.Samples.Length > limit && storiesRead > 0)
            {
                break;
            }

            Append(track, chapters, ref position, chosen[index], part.Samples, pause);
            storiesRead += chosen[index].IsStory ? 1 : 0;
        }

        var storiesFailed = chosen.Where((segment, index) => segment.IsStory && problems[index] is not null).Count();
        var storiesLeftOut = script.Count(segment => segment.IsStory) - storiesRead - storiesFailed;
        var outro = AudioScript.Outro(Math.Max(0, storiesLeftOut), options.Language);
        try
        {
            var spoken = await speech.SynthesizeAsync(outro.Text, outro.Language, cancellationToken).ConfigureAwait(false);
            Append(track, chapters, ref position, outro, spoken.Resample(options.SampleRate).Samples, []);
        }
        catch (SpeechException exception)
        {
            problems = [.. problems, $"{outro.Chapter}: {exception.Message}"];
        }

        var speechSeconds = timer.Elapsed.TotalSeconds;
        var mp3 = await encoder.EncodeAsync(track, options.SampleRate, cancellationToken).ConfigureAwait(false);
        var durationMs = position * 1000 / options.SampleRate;
        var closed = chapters.Select((chapter, i) => chapter with { EndMs = i + 1 < chapters.Count ? chapters[i + 1].StartMs : durationMs }).ToArray();
        return new AudioRendering(mp3, durationMs, closed, Math.Max(0, storiesLeftOut), problems.OfType<string>().ToArray(), speechSeconds);
    }

    /// <summary>The intro and the stories that could fit by estimate (with slack), so a 2,000-item digest is not read in full only to be cut.</summary>
    private List<SpeechSegment> PreCut(IReadOnlyList<SpeechSegment> script)
    {
        var budget = options.MaxDuration.TotalSeconds * EstimateSlack;
        var total = 0.0;
        var chosen = new List<SpeechSegment>();
        foreach (var segment in script)
        {
            total += AudioScript.Estimate(segment).TotalSeconds + options.Pause.TotalSeconds;
            if (segment.IsStory && total > budget && chosen.Any(s => s.IsStory))
            {
                break;
            }

            chosen.Add(segment);
        }

        return chosen;
    }

    private void Append(List<short[]> track, List<AudioChapter> chapters, ref long position, SpeechSegment segment, short[] samples, short[] pause)
    {
        chapters.Add(new AudioChapter(segment.Chapter, position * 1000 / options.SampleRate, 0, segment.ItemId, segment.Link, segment.Source));
        track.Add(samples);
        track.Add(pause);
        position += samples.Length + pause.Length;
    }
}
