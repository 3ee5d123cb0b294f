namespace Strata.Core.Text;

/// <summary>Tells English, French, German and Spanish apart by their most frequent function words.</summary>
internal static class LatinStopWords
{
    /// <summary>Fewest stop-word hits for a decision.</summary>
    private const int MinHits = 2;

    /// <summary>The winner must score at least this many times the runner-up, times <see cref="MarginDenominator"/>.</summary>
    private const int MarginNumerator = 3;

    private const int MarginDenominator = 2;

    // Diacritics are folded by the tokenizer, so "für" is listed as "fur" and "está" as "esta".
    private static readonly (string Language, string Words)[] Profiles =
    [
        ("en", "the and of to is in that it was for on are with as this be by have not you from they we an or at which has were been will would can there their what"),
        ("fr", "le la les de des du et est un une en dans que qui pour pas sur au aux avec ce cette sont il elle nous vous je ne mais ou plus se par etre tres leur ont"),
        ("de", "der die das und ist nicht ein eine zu den dem des mit sich auf fur auch es im von sie wir ich wird sind werden oder aber wie bei nach noch uber"),
        ("es", "el la los las de que y en un una es por con para del al se no lo como mas pero sus su esta este son muy tambien hay ser fue ya"),
    ];

    /// <summary>Each stop word with a bit per profile it belongs to: one lookup per word instead of one per profile.</summary>
    private static readonly Dictionary<string, int> Languages = BuildLanguages();

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LanguagesBySpan = Languages.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longer words are never stop words, so they are not looked up.</summary>
    private static readonly int LongestWord = Languages.Keys.Max(word => word.Length);

    /// <summary>The language whose stop words clearly dominate <paramref name="sample"/>, or null.</summary>
    public static string? Detect(ReadOnlySpan<char> sample)
    {
        Span<int> hits = stackalloc int[Profiles.Length];
        Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
        foreach (var token in new TextTokenizer(sample, buffer))
        {
            if (token.Kind != TextTokenKind.Word || token.Text.Length > LongestWord || !LanguagesBySpan.TryGetValue(token.Text, out var languages))
            {
                continue;
            }

            for (var i = 0; i < Profiles.Length; i++)
            {
                hits[i] += (languages >> i) & 1;
            }
        }

        var best = -1;
        var second = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            if (best < 0 || hits[i] > hits[best])
            {
                second = best < 0 ? 0 : Math.Max(second, hits[best]);
                best = i;
            }
            else
            {
                second = Math.Max(second, hits[i]);
            }
        }

        var clear = hits[best] >= MinHits && hits[best] * MarginDenominator >= second * MarginNumerator && hits[best] > second;
        return clear ? Profiles[best].Language : null;
    }

    private static Dictionary<string, int> BuildLanguages()
    {
        var languages = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Profiles.Length; i++)
        {
            foreach (var word in Profiles[i].Words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                languages[word] = languages.GetValueOrDefault(word) | (1 << i);
            }
        }

        return languages;
    }
}
