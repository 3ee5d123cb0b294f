using System.Text;
using Strata.Core.Text;

namespace Strata.Core.Search;

/// <summary>
/// Turns document text and query terms into the tokens stored in and matched against the FTS5 index:
/// English-style words become Porter stems (with conflation), CJK runs become overlapping bigrams.
/// Index and query sides must both go through this class so that they agree.
/// </summary>
/// <remarks>Pure and thread-safe; never throws for non-null input.</remarks>
public static class SearchTextAnalyzer
{
    private const char Separator = ' ';

    /// <summary>
    /// The space-separated analysed tokens of <paramref name="text"/>, to store in a contentless FTS5 table
    /// (tokenizer <c>unicode61 remove_diacritics 2</c>). Each CJK run contributes its bigrams and then its last
    /// character alone.
    /// </summary>
    public static string ToIndexText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + (text.Length / 4));
        Span<char> stem = stackalloc char[PorterStemmer.MaxWordLength];
        Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
        foreach (var token in new TextTokenizer(text, buffer))
        {
            if (builder.Length > 0)
            {
                builder.Append(Separator);
            }

            builder.Append(Analyse(token, stem));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The analysed tokens of one query term or phrase, in order (empty when it holds nothing searchable).
    /// A CJK run yields its bigrams; its trailing single character is kept only when more tokens follow, so the
    /// sequence matches the index whether or not the document's run continues (<c>知识库</c> → <c>知识</c>, <c>识库</c>).
    /// </summary>
    public static IReadOnlyList<string> AnalyzeTerm(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var result = new List<string>();
        var lastIsTail = false;
        Span<char> stem = stackalloc char[PorterStemmer.MaxWordLength];
        Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
        foreach (var token in new TextTokenizer(word, buffer))
        {
            result.Add(Analyse(token, stem).ToString());
            lastIsTail = token.IsRunTail;
        }

        if (lastIsTail)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    /// <summary>Whether an analysed token is a single CJK character (it then needs a prefix query to match bigrams).</summary>
    internal static bool IsSingleCjkCharacter(string token)
    {
        if (token.Length == 1)
        {
            return CharClasses.IsCjk(token[0]);
        }

        return token.Length == 2 && char.IsSurrogatePair(token[0], token[1])
            && CharClasses.IsCjk(char.ConvertToUtf32(token[0], token[1]));
    }

    /// <summary>
    /// The analysed form of <paramref name="token"/>: its stem (written into <paramref name="stem"/>, at least
    /// <see cref="PorterStemmer.MaxWordLength"/> long) for words, the token itself for CJK.
    /// </summary>
    internal static ReadOnlySpan<char> Analyse(in TextToken token, Span<char> stem)
    {
        if (token.Kind != TextTokenKind.Word)
        {
            return token.Text;
        }

        return StemCache.Stem(token.Text, stem);
    }
}
