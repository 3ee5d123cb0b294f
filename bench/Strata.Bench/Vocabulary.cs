namespace Strata.Bench;

/// <summary>
/// The deterministic word lists the corpus and the queries draw from: a few thousand English-looking words built
/// from syllables (ranked for a Zipf distribution) and a frequency-ordered list of common Chinese words.
/// </summary>
internal sealed class Vocabulary
{
    public const int EnglishWordCount = 4000;

    private const double ZipfExponent = 1.07;

    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl", "dr", "fl", "gr", "pl", "pr", "st", "str", "th", "tr", "sh", "ch"];
    private static readonly string[] Nuclei = ["a", "e", "i", "o", "u", "ea", "ou", "ai", "io", "ee"];
    private static readonly string[] Codas = ["", "", "n", "r", "s", "t", "l", "nd", "st", "ng", "rt", "m", "ck"];
    private static readonly string[] Suffixes = ["", "", "", "", "ing", "ed", "er", "s", "ly", "tion", "ment", "ness", "able", "al"];

    // The most common English function words take the top ranks, as in real text.
    private static readonly string[] FunctionWords =
    [
        "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not", "he",
        "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were", "their", "one",
        "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who", "so", "no",
    ];

    public Vocabulary(int seed)
    {
        var random = new Random(seed);
        var words = new List<string>(EnglishWordCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in FunctionWords)
        {
            seen.Add(word);
            words.Add(word);
        }

        while (words.Count < EnglishWordCount)
        {
            var syllables = 1 + random.Next(3);
            var word = string.Empty;
            for (var i = 0; i < syllables; i++)
            {
                word += Onsets[random.Next(Onsets.Length)] + Nuclei[random.Next(Nuclei.Length)] + Codas[random.Next(Codas.Length)];
            }

            word += Suffixes[random.Next(Suffixes.Length)];
            if (word.Length >= 3 && seen.Add(word))
            {
                words.Add(word);
            }
        }

        English = words;
        EnglishCumulative = Cumulative(words.Count);
        Chinese = ChineseWords.All;
        ChineseCumulative = Cumulative(Chinese.Count);
    }

    /// <summary>English words, most frequent first.</summary>
    public IReadOnlyList<string> English { get; }

    /// <summary>Chinese words, most frequent first.</summary>
    public IReadOnlyList<string> Chinese { get; }

    private double[] EnglishCumulative { get; }

    private double[] ChineseCumulative { get; }

    public string NextEnglish(Random random) => English[Pick(EnglishCumulative, random)];

    public string NextChinese(Random random) => Chinese[Pick(ChineseCumulative, random)];

    private static int Pick(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
    }

    private static double[] Cumulative(int count)
    {
        var cumulative = new double[count];
        var sum = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, ZipfExponent);
            cumulative[rank] = sum;
        }

        return cumulative;
    }
}
