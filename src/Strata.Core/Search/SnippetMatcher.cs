using Strata.Core.Text;

namespace Strata.Core.Search;

/// <summary>
/// Finds where a query's terms and phrases occur in a text by analysing the text's tokens exactly as the index
/// does, so <c>classification</c> matches the query <c>classified</c> and CJK bigrams match CJK terms.
/// </summary>
internal sealed class SnippetMatcher
{
    private readonly Dictionary<string, int> _tokens;
    private readonly Dictionary<string, int> _singleCjk;
    private readonly char[] _firstChars;

    private SnippetMatcher(Dictionary<string, int> tokens, Dictionary<string, int> singleCjk, int termCount)
    {
        _tokens = tokens;
        _singleCjk = singleCjk;
        TermCount = termCount;
        _firstChars = [.. tokens.Keys.Select(k => k[0]).Distinct()];
    }

    /// <summary>Number of distinct query terms and phrases (term ids run from 0 to this minus one).</summary>
    public int TermCount { get; }

    public bool IsEmpty => _tokens.Count == 0;

    public static SnippetMatcher Create(SearchQuery query)
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var singleCjk = new Dictionary<string, int>(StringComparer.Ordinal);
        var termId = 0;
        foreach (var text in query.Terms.Concat(query.Phrases))
        {
            var analysed = SearchTextAnalyzer.AnalyzeTerm(text);
            if (analysed.Count == 0)
            {
                continue;
            }

            foreach (var token in analysed)
            {
                tokens.TryAdd(token, termId);
                if (SearchTextAnalyzer.IsSingleCjkCharacter(token))
                {
                    singleCjk.TryAdd(token, termId);
                }
            }

            termId++;
        }

        return new SnippetMatcher(tokens, singleCjk, termId);
    }

    /// <summary>Every matching token of <paramref name="text"/>, in text order.</summary>
    public List<SnippetMatch> FindMatches(string text)
    {
        var matches = new List<SnippetMatch>();
        if (IsEmpty)
        {
            return matches;
        }

        var lookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var singleLookup = _singleCjk.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> firstChars = _firstChars;
        Span<char> stem = stackalloc char[PorterStemmer.MaxWordLength];
        Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
        foreach (var token in new TextTokenizer(text, buffer))
        {
            if (!firstChars.Contains(token.Text[0]))
            {
                continue;
            }

            if (lookup.TryGetValue(SearchTextAnalyzer.Analyse(token, stem), out var id))
            {
                matches.Add(new SnippetMatch(token.Start, token.End, id));
            }
            else if (token.Kind == TextTokenKind.Cjk && _singleCjk.Count > 0)
            {
                var width = char.IsHighSurrogate(token.Text[0]) && token.Text.Length > 1 ? 2 : 1;
                if (singleLookup.TryGetValue(token.Text[..width], out id))
                {
                    matches.Add(new SnippetMatch(token.Start, token.Start + width, id));
                }
            }
        }

        return matches;
    }
}
