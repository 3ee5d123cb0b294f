using Strata.Core.Text;

namespace Strata.Core.Enrich;

/// <summary>
/// Turns pieces of text into sparse term vectors over one shared vocabulary: words are lower-cased, plural 's'
/// folded and stop words dropped; Chinese, Japanese and Korean become character bigrams (those with function characters dropped).
/// Not thread-safe: use one per document or query.
/// </summary>
public sealed class TermVectorizer
{
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);

    public int VocabularySize => _vocabulary.Count;

    /// <summary>Term ids with counts in <paramref name="text"/>; with <paramref name="addNew"/> false, unknown terms are ignored.</summary>
    public Dictionary<int, int> Count(ReadOnlySpan<char> text, bool addNew = true)
    {
        var counts = new Dictionary<int, int>();
        Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
        foreach (var token in new TextTokenizer(text, buffer))
        {
            if (Term(token, out var term) && Id(term, addNew) is var id and >= 0)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts;
    }

    /// <summary>Appends the id of every term occurrence of <paramref name="text"/>, in text order (new terms get new ids, as <see cref="Count"/> gives them).</summary>
    internal void AddOccurrences(ReadOnlySpan<char> text, List<int> ids)
    {
        Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
        foreach (var token in new TextTokenizer(text, buffer))
        {
            if (Term(token, out var term))
            {
                ids.Add(Id(term, addNew: true));
            }
        }
    }

    /// <summary>Forgets the vocabulary, keeping its memory for the next document.</summary>
    internal void Clear() => _vocabulary.Clear();

    /// <summary>Ids of the distinct terms of <paramref name="text"/> already in the vocabulary.</summary>
    public HashSet<int> KnownTerms(ReadOnlySpan<char> text) => [.. Count(text, addNew: false).Keys];

    /// <summary>The term a token stands for, or false when it is a stop word, too short or a CJK function bigram.</summary>
    private static bool Term(in TextToken token, out ReadOnlySpan<char> term)
    {
        term = token.Text;
        if (token.Kind == TextTokenKind.Word)
        {
            if (term.Length < 2 || StopTerms.IsStopWord(term))
            {
                return false;
            }

            // A plural 's' folded instead of full stemming: stemming every token made summaries 8x slower for little gain.
            if (term.Length > 3 && term[^1] == 's' && term[^2] != 's')
            {
                term = term[..^1];
            }

            return true;
        }

        return !token.IsRunTail && !StopTerms.HasChineseFunctionCharacter(term);
    }

    /// <summary>The term's id; a new id when it is new and <paramref name="addNew"/> is set, else -1 for an unknown term.</summary>
    private int Id(ReadOnlySpan<char> term, bool addNew)
    {
        var lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(term, out var id))
        {
            return id;
        }

        if (!addNew)
        {
            return -1;
        }

        id = _vocabulary.Count;
        lookup[term] = id;
        return id;
    }
}
