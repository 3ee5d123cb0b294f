namespace Strata.Core.Enrich;

/// <summary>Words and characters too common to say what a sentence is about (English stems; Chinese function characters).</summary>
internal static class StopTerms
{
    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were",
        "be", "been", "being", "it", "its", "this", "that", "these", "those", "there", "their", "they", "them", "we", "our", "you", "your",
        "he", "she", "his", "her", "i", "me", "my", "not", "no", "so", "than", "then", "too", "very", "can", "could", "will", "would",
        "should", "may", "might", "must", "do", "does", "did", "doe", "ha", "wa", "have", "has", "had", "what", "which", "who", "whom", "when",
        "where", "why", "how", "all", "any", "each", "more", "most", "other", "some", "such", "only", "own", "same", "into", "about",
        "also", "just", "over", "under", "again", "up", "down", "out", "off", "here", "s", "t",
    };

    private const string ChineseFunction = "的了是在和也就都而及与或这那个我你他她它们之其为以于着把被吗呢吧啊";

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishBySpan = English.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longer words are never stop words, so they are not looked up (most words of a text are longer).</summary>
    private static readonly int LongestEnglish = English.Max(word => word.Length);

    public static bool IsStopWord(ReadOnlySpan<char> word) => word.Length <= LongestEnglish && EnglishBySpan.Contains(word);

    /// <summary>Whether a CJK token (one character or a bigram) contains a function character.</summary>
    public static bool HasChineseFunctionCharacter(ReadOnlySpan<char> token) => token.IndexOfAny(ChineseFunction) >= 0;
}
