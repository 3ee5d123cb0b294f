using System.Text;

namespace Strata.Core.Text;

/// <summary>
/// Tells English, French, German and Spanish apart on short texts by character trigrams (diacritics kept, word
/// edges marked by spaces), scored against smoothed profiles built once from <see cref="LatinTrigramSamples"/>.
/// The stop-word vote decides longer texts; this decides when a sentence has too few function words.
/// </summary>
internal static class LatinTrigrams
{
    /// <summary>Trigrams scored at most (a few sentences say enough).</summary>
    private const int MaxTrigrams = 600;

    /// <summary>Fewest trigrams to decide anything (about three short words).</summary>
    private const int MinTrigrams = 12;

    /// <summary>The winner's mean log-probability per trigram must beat the runner-up's by this much.</summary>
    private const double MinMargin = 0.12;

    private static readonly Profile[] Profiles =
    [
        new("en", LatinTrigramSamples.English),
        new("fr", LatinTrigramSamples.French),
        new("de", LatinTrigramSamples.German),
        new("es", LatinTrigramSamples.Spanish),
    ];

    public static string? Detect(ReadOnlySpan<char> sample)
    {
        var normalized = Normalize(sample, MaxTrigrams + 2);
        var trigrams = normalized.Length - 2;
        if (trigrams < MinTrigrams)
        {
            return null;
        }

        Span<double> scores = stackalloc double[Profiles.Length];
        for (var p = 0; p < Profiles.Length; p++)
        {
            var lookup = Profiles[p].LogProbabilities.GetAlternateLookup<ReadOnlySpan<char>>();
            var unseen = Profiles[p].Unseen;
            var sum = 0.0;
            for (var i = 0; i < trigrams; i++)
            {
                sum += lookup.TryGetValue(normalized.AsSpan(i, 3), out var logProbability) ? logProbability : unseen;
            }

            scores[p] = sum / trigrams;
        }

        var best = 0;
        for (var p = 1; p < Profiles.Length; p++)
        {
            best = scores[p] > scores[best] ? p : best;
        }

        var second = double.NegativeInfinity;
        for (var p = 0; p < Profiles.Length; p++)
        {
            second = p != best ? Math.Max(second, scores[p]) : second;
        }

        return scores[best] - second >= MinMargin ? Profiles[best].Language : null;
    }

    /// <summary>Lower-case letters (diacritics kept) with one space between words and around the text.</summary>
    private static string Normalize(ReadOnlySpan<char> text, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length + 2, maxLength));
        builder.Append(' ');
        foreach (var character in text)
        {
            if (builder.Length >= maxLength)
            {
                break;
            }

            if (char.IsLetter(character))
            {
                builder.Append(char.ToLowerInvariant(character));
            }
            else if (builder[^1] != ' ' && character != '\'' && character != '’')
            {
                builder.Append(' ');
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    private sealed class Profile
    {
        public Profile(string language, string sample)
        {
            Language = language;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var text = Normalize(sample, int.MaxValue);
            for (var i = 0; i + 3 <= text.Length; i++)
            {
                var trigram = text.Substring(i, 3);
                counts[trigram] = counts.GetValueOrDefault(trigram) + 1;
            }

            // Add-one smoothing over the trigrams seen plus room for as many unseen ones.
            var total = counts.Values.Sum() + (2.0 * counts.Count);
            LogProbabilities = counts.ToDictionary(pair => pair.Key, pair => Math.Log((pair.Value + 1) / total), StringComparer.Ordinal);
            Unseen = Math.Log(1 / total);
        }

        public string Language { get; }

        public Dictionary<string, double> LogProbabilities { get; }

        public double Unseen { get; }
    }
}
