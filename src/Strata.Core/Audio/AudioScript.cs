using System.Globalization;
using Strata.Core.Digests;

namespace Strata.Core.Audio;

/// <summary>
/// What an audio digest says, as segments: an intro, then one segment per story (title, source, summary) —
/// top stories first, then every other entry by topic — each in its own language. Pure.
/// </summary>
public static class AudioScript
{
    /// <summary>How fast an English voice speaks by default (espeak-ng's default rate).</summary>
    public const int WordsPerMinute = 175;

    /// <summary>Chinese voices read about this many characters a second.</summary>
    public const double HanziPerSecond = 4.5;

    /// <summary>Builds the segments; <paramref name="language"/> is the intro's and outro's language (English phrases).</summary>
    public static IReadOnlyList<SpeechSegment> Build(Digest digest, string language)
    {
        var segments = new List<SpeechSegment> { Intro(digest, language) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in digest.TopStories.Concat(digest.Groups.SelectMany(group => group.Entries)))
        {
            if (seen.Add(entry.ItemId))
            {
                segments.Add(Story(entry, language));
            }
        }

        return segments;
    }

    /// <summary>The closing segment; says how many stories were left out when the digest was capped.</summary>
    public static SpeechSegment Outro(int storiesLeftOut, string language) => new(
        storiesLeftOut > 0
            ? string.Create(CultureInfo.InvariantCulture, $"That is all the time we have. {storiesLeftOut} more {(storiesLeftOut == 1 ? "story is" : "stories are")} in the written digest.")
            : "That is all for this digest.",
        language,
        "End");

    /// <summary>A rough speaking time, used to avoid synthesizing stories that cannot fit the cap.</summary>
    public static TimeSpan Estimate(SpeechSegment segment, int wordsPerMinute = WordsPerMinute)
    {
        var hanzi = segment.Text.Count(c => c is >= '\u3400' and <= '\u9FFF');
        var words = segment.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return TimeSpan.FromSeconds((hanzi / HanziPerSecond) + (words * 60.0 / Math.Max(60, wordsPerMinute)));
    }

    private static SpeechSegment Intro(Digest digest, string language)
    {
        var day = digest.WindowEnd.ToString("dddd, MMMM d", CultureInfo.InvariantCulture);
        var count = digest.ItemCount;
        var text = count == 0
            ? $"Your Strata digest for {day}. Nothing new arrived."
            : string.Create(CultureInfo.InvariantCulture, $"Your Strata digest for {day}. {count} new {(count == 1 ? "item" : "items")}") +
              (digest.Tag is null ? string.Empty : $", tagged {ListeningText.Prepare(digest.Tag.Replace('/', ' '), language)}") +
              (digest.TopStories.Count > 0 ? ". Top stories first." : ".");
        return new SpeechSegment(text, language, "Introduction");
    }

    private static SpeechSegment Story(DigestEntry entry, string fallbackLanguage)
    {
        var language = string.IsNullOrWhiteSpace(entry.Language) ? fallbackLanguage : entry.Language!;
        var title = ListeningText.Sentence(ListeningText.Prepare(entry.Title, language), language);
        var source = ListeningText.Prepare(SpokenSource(entry.Source), language);
        var summary = ListeningText.Sentence(ListeningText.Prepare(entry.OneLine, language), language);
        var from = source.Length == 0 ? string.Empty
            : ListeningText.IsChinese(language) ? $"来源：{source}。"
            : ListeningText.IsEnglish(language) ? $"From {source}."
            : $"{source}.";
        var text = string.Join(' ', new[] { title, from, summary }.Where(part => part.Length > 0));
        return new SpeechSegment(text, language, entry.Title, entry.ItemId, entry.Link, entry.Source);
    }

    /// <summary>"www.example.com" is said "example dot com"; file names lose their extension.</summary>
    private static string SpokenSource(string source)
    {
        var name = source.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? source[4..] : source;
        return name.Contains('.', StringComparison.Ordinal) && !name.Contains(' ', StringComparison.Ordinal)
            ? name.Replace(".", " dot ", StringComparison.Ordinal)
            : name;
    }
}
