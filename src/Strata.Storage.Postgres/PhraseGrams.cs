using System.Collections.Frozen;
using System.Text;
using Strata.Core.Search;

namespace Strata.Storage.Postgres;

/// <summary>
/// Phrase grams (Lucene's CommonGrams rule): every pair of adjacent words in one field where at least one is an
/// English function word is indexed as one more lexeme (<c>'of the'</c>, <c>'weengflair the'</c>) in
/// <c>search_index.grams</c>, without positions. A GIN index cannot check a phrase's positions, so without grams a
/// phrase of frequent words rechecks every item holding all of its words (tens of thousands at 100,000 items); its
/// grams narrow that to the items holding each adjacent pair, which for a two-word phrase is exactly its matches.
/// </summary>
/// <remarks>
/// Grams only narrow: the phrase is still checked against the positions in <c>search_index.document</c>, so results
/// and ranks are exactly what they were without them. A pair of two other words gets no gram: its rarer word already
/// narrows the candidates (and pairing every word would grow the index by two thirds more for nothing). The list is
/// part of the schema: migration 8 filled the grams of existing rows with it, so changing it needs a new migration.
/// Pure and thread-safe.
/// </remarks>
internal static class PhraseGrams
{
    /// <summary>Joins a gram's two words; the analyser splits on spaces, so a gram never collides with a word.</summary>
    public const char Joiner = ' ';

    /// <summary>Positions PostgreSQL keeps (tokens past it all share the last one, so their neighbours are unknown).</summary>
    public const int MaxPosition = 16383;

    // Snowball's English stop list (without contractions) with NLTK's additions, analysed the way the index analyses words ("was" -> "wa").
    private static readonly string[] FunctionWords =
    [
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
        "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are",
        "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would",
        "should", "could", "ought", "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while", "of",
        "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before", "after",
        "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further",
        "then", "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more",
        "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",
        "can", "will", "just", "now",
    ];

    /// <summary>The analysed function words, sorted (the migration that fills existing rows lists them).</summary>
    public static IReadOnlyList<string> Common { get; } =
        FunctionWords.SelectMany(SearchTextAnalyzer.AnalyzeTerm).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private static readonly FrozenSet<string> CommonSet = Common.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsCommon(string token) => CommonSet.Contains(token);

    /// <summary>Whether two adjacent analysed, lower-cased tokens get a gram.</summary>
    public static bool Pairs(string first, string second) => IsCommon(first) || IsCommon(second);

    public static string Gram(string first, string second) => string.Concat(first, Joiner.ToString(), second);

    /// <summary>
    /// The one gram that decides an expression exactly: the expression is a single two-word phrase and its pair has a
    /// gram, which is indexed exactly where the two words are adjacent in one field. Null otherwise.
    /// </summary>
    public static string? ExactGram(string matchExpression)
    {
        var text = matchExpression.Trim();
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"' || text.AsSpan(1, text.Length - 2).Contains('"'))
        {
            return null;
        }

        var tokens = text[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length != 2)
        {
            return null;
        }

        var (first, second) = (tokens[0].ToLowerInvariant(), tokens[1].ToLowerInvariant());
        return Pairs(first, second) && Encoding.UTF8.GetByteCount(Gram(first, second)) <= SearchDocument.MaxLexemeBytes ? Gram(first, second) : null;
    }

    /// <summary>
    /// The grams of one field's tokens, starting at <paramref name="position"/>, added to <paramref name="grams"/>;
    /// pairs reaching the position cap are left out (the document cannot tell where those words are), and so are
    /// grams over PostgreSQL's lexeme size limit.
    /// </summary>
    public static void Collect(IReadOnlyList<string> tokens, int position, HashSet<string> grams)
    {
        for (var i = 0; i + 1 < tokens.Count && position + i + 1 < MaxPosition; i++)
        {
            if (Pairs(tokens[i], tokens[i + 1]) && Gram(tokens[i], tokens[i + 1]) is var gram && Encoding.UTF8.GetByteCount(gram) <= SearchDocument.MaxLexemeBytes)
            {
                grams.Add(gram);
            }
        }
    }

    /// <summary>The grams as a <c>tsvector</c> literal (lexemes only, no positions).</summary>
    public static string ToTsVector(IEnumerable<string> grams)
    {
        var builder = new StringBuilder();
        foreach (var gram in grams)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            SearchDocument.AppendLexeme(builder, gram);
        }

        return builder.ToString();
    }
}
