using System.Buffers;
using Strata.Core.Text;

namespace Strata.Core.Search;

/// <summary>
/// Finds where a query's terms and phrases occur in a text by analysing the text's tokens exactly as the index
/// does, so <c>classification</c> matches the query <c>classified</c> and CJK bigrams match CJK terms. A term or
/// phrase of several tokens (<c>知识库</c> → <c>知识 识库</c>, <c>"machine learning"</c>) matches only where all of
/// its tokens follow each other, as in the FTS5 phrase query.
/// </summary>
internal sealed class SnippetMatcher
{
    private readonly Dictionary<string, QueryToken> _tokens;
    private readonly Dictionary<string, QueryToken> _singleCjk;
    private readonly char[] _firstChars;

    /// <summary>
    /// The shortest analysed query token: analysis never lengthens a word (Porter rules and the conflation step only
    /// shorten or keep it), so a shorter word cannot match and is not analysed.
    /// </summary>
    private readonly int _shortestToken;

    /// <summary>
    /// The first two characters of each query token (one for a one-character token). Analysis keeps a word's first
    /// two characters except that a second <c>y</c> may become <c>i</c> (<c>ayed</c> → <c>ai</c>): Porter's rules
    /// rewrite only a suffix after a stem of two or more kept characters (one only where nothing follows it), so a
    /// word agreeing with no token there cannot match and is not analysed (most candidates, at a hash lookup each).
    /// </summary>
    private readonly string[] _prefixes;

    /// <summary>ASCII characters a matching word can start with (either case).</summary>
    private readonly SearchValues<char> _asciiStarts;

    /// <summary>Every ASCII letter and digit: a gap between two words holding none of them holds no token.</summary>
    private static readonly SearchValues<char> AsciiWordChars =
        SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => CharClasses.AsciiWordChar(c) != '\0')]);

    private SnippetMatcher(Dictionary<string, QueryToken> tokens, Dictionary<string, QueryToken> singleCjk, int termCount)
    {
        _tokens = tokens;
        _singleCjk = singleCjk;
        TermCount = termCount;
        _firstChars = [.. tokens.Keys.Select(k => k[0]).Distinct()];
        _shortestToken = tokens.Count == 0 ? 0 : tokens.Keys.Min(k => k.Length);
        _prefixes = [.. tokens.Keys.Select(k => k[..Math.Min(2, k.Length)]).Distinct(StringComparer.Ordinal)];
        _asciiStarts = SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c)
            .Where(c => CharClasses.AsciiWordChar(c) != '\0' && _firstChars.Contains(CharClasses.AsciiWordChar(c)))]);
    }

    /// <summary>Number of distinct query terms and phrases (term ids run from 0 to this minus one).</summary>
    public int TermCount { get; }

    public static SnippetMatcher Create(SearchQuery query)
    {
        var tokens = new Dictionary<string, QueryToken>(StringComparer.Ordinal);
        var singleCjk = new Dictionary<string, QueryToken>(StringComparer.Ordinal);
        var termId = 0;
        foreach (var text in query.Terms.Concat(query.Phrases))
        {
            var analysed = SearchTextAnalyzer.AnalyzeTerm(text);
            if (analysed.Count == 0)
            {
                continue;
            }

            // A term whose tokens repeat, or are already claimed by an earlier term, cannot be followed as a
            // sequence through this map: its tokens then match one by one.
            var sequence = analysed.Distinct(StringComparer.Ordinal).Count() == analysed.Count && !analysed.Any(tokens.ContainsKey);
            for (var index = 0; index < analysed.Count; index++)
            {
                var token = new QueryToken(termId, sequence ? index : 0, sequence ? analysed.Count : 1);
                tokens.TryAdd(analysed[index], token);
                if (SearchTextAnalyzer.IsSingleCjkCharacter(analysed[index]))
                {
                    singleCjk.TryAdd(analysed[index], token);
                }
            }

            termId++;
        }

        return new SnippetMatcher(tokens, singleCjk, termId);
    }

    /// <summary>Every match in <paramref name="text"/>, in text order.</summary>
    public List<SnippetMatch> FindMatches(string text)
    {
        if (_tokens.Count == 0)
        {
            return [];
        }

        return System.Text.Ascii.IsValid(text) ? FindInAscii(text) : FindByTokens(text);
    }

    /// <summary>Every match found by tokenising the whole text (any script).</summary>
    internal List<SnippetMatch> FindByTokens(string text)
    {
        if (_tokens.Count == 0)
        {
            return [];
        }

        var found = new List<(SnippetMatch Match, int Ordinal, QueryToken Token)>();
        var lookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var singleLookup = _singleCjk.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> firstChars = _firstChars;
        Span<char> stem = stackalloc char[PorterStemmer.MaxWordLength];
        Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
        var ordinal = -1;
        foreach (var token in new TextTokenizer(text, buffer))
        {
            ordinal++;
            if (!firstChars.Contains(token.Text[0]))
            {
                continue;
            }

            if (token.Text.Length >= _shortestToken && lookup.TryGetValue(SearchTextAnalyzer.Analyse(token, stem), out var queryToken))
            {
                found.Add((new SnippetMatch(token.Start, token.End, queryToken.TermId), ordinal, queryToken));
            }
            else if (token.Kind == TextTokenKind.Cjk && _singleCjk.Count > 0)
            {
                var width = char.IsHighSurrogate(token.Text[0]) && token.Text.Length > 1 ? 2 : 1;
                if (singleLookup.TryGetValue(token.Text[..width], out queryToken))
                {
                    found.Add((new SnippetMatch(token.Start, token.Start + width, queryToken.TermId), ordinal, queryToken));
                }
            }
        }

        return KeepCompleteSequences(found);
    }

    /// <summary>
    /// <see cref="FindMatches"/> for pure-ASCII text (most documents), the same matches without tokenising every
    /// word: a vectorised search jumps to the characters a matching word can start with, and only words starting
    /// there are read and analysed. Ordinals only need to say which examined words are neighbours: two are when the
    /// gap between them holds no letter or digit (in ASCII only those start a token); otherwise they are kept apart.
    /// </summary>
    internal List<SnippetMatch> FindInAscii(string text)
    {
        var found = new List<(SnippetMatch Match, int Ordinal, QueryToken Token)>();
        var lookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> stem = stackalloc char[PorterStemmer.MaxWordLength];
        Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
        var span = text.AsSpan();
        var ordinal = 0;
        var previousEnd = -1;
        var at = 0;
        while (at < span.Length)
        {
            var next = span[at..].IndexOfAny(_asciiStarts);
            if (next < 0)
            {
                break;
            }

            var start = at + next;
            if (!StartsWord(span, start))
            {
                at = start + 1;
                continue;
            }

            var tokenizer = new TextTokenizer(span[start..], buffer);
            tokenizer.MoveNext();
            var token = tokenizer.Current;
            var end = start + token.Length;
            ordinal += previousEnd >= 0 && span[previousEnd..start].IndexOfAny(AsciiWordChars) < 0 ? 1 : 2;
            previousEnd = end;
            if (token.Length >= _shortestToken && MayMatch(token.Text) && lookup.TryGetValue(SearchTextAnalyzer.Analyse(token, stem), out var queryToken))
            {
                found.Add((new SnippetMatch(start, end, queryToken.TermId), ordinal, queryToken));
            }

            at = end;
        }

        return KeepCompleteSequences(found);
    }

    /// <summary>Whether the analysed form of the lower-case word <paramref name="word"/> can be a query token (see <see cref="_prefixes"/>).</summary>
    private bool MayMatch(ReadOnlySpan<char> word)
    {
        foreach (var prefix in _prefixes)
        {
            if (word[0] == prefix[0] && (prefix.Length == 1 || (word.Length > 1 && (word[1] == prefix[1] || (word[1] == 'y' && prefix[1] == 'i')))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an ASCII word character at <paramref name="index"/> begins a word (an apostrophe between letters joins them).</summary>
    private static bool StartsWord(ReadOnlySpan<char> text, int index)
    {
        if (index == 0)
        {
            return true;
        }

        var before = text[index - 1];
        if (CharClasses.AsciiWordChar(before) != '\0')
        {
            return false;
        }

        return before != '\'' || index < 2 || CharClasses.AsciiWordChar(text[index - 2]) == '\0';
    }

    private static List<SnippetMatch> KeepCompleteSequences(List<(SnippetMatch Match, int Ordinal, QueryToken Token)> found)
    {
        var matches = new List<SnippetMatch>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var (match, ordinal, token) = found[i];
            if (token.SequenceLength == 1)
            {
                matches.Add(match);
                continue;
            }

            if (token.Index != 0 || !IsCompleteSequence(found, i, ordinal, token))
            {
                continue;
            }

            for (var k = 0; k < token.SequenceLength; k++)
            {
                matches.Add(found[i + k].Match);
            }

            i += token.SequenceLength - 1;
        }

        return matches;
    }

    private static bool IsCompleteSequence(List<(SnippetMatch Match, int Ordinal, QueryToken Token)> found, int i, int ordinal, QueryToken first)
    {
        for (var k = 1; k < first.SequenceLength; k++)
        {
            if (i + k >= found.Count)
            {
                return false;
            }

            var (_, nextOrdinal, next) = found[i + k];
            if (nextOrdinal != ordinal + k || next.TermId != first.TermId || next.Index != k)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where an analysed token sits in the query: its term, its place in the term, the term's token count.</summary>
    private readonly record struct QueryToken(int TermId, int Index, int SequenceLength);
}
