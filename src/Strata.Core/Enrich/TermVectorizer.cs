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
            if (token.Kind == TextTokenKind.Word)
            {
                var word = token.Text;
                if (word.Length >= 2 && !StopTerms.IsStopWord(word))
                {
                    // A plural 's' folded instead of full stemming: stemming every token made summaries 8x slower for little gain.
                    Increment(counts, word.Length > 3 && word[^1] == 's' && word[^2] != 's' ? word[..^1] : word, addNew);
                }
            }
            else if (!token.IsRunTail && !StopTerms.HasChineseFunctionCharacter(token.Text))
            {
                Increment(counts, token.Text, addNew);
            }
        }

        return counts;
    }

    private void Increment(Dictionary<int, int> counts, ReadOnlySpan<char> term, bool addNew)
    {
        var lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(term, out var id))
        {
            if (!addNew)
            {
                return;
            }

            id = _vocabulary.Count;
            lookup[term] = id;
        }

        counts[id] = counts.GetValueOrDefault(id) + 1;
    }

    /// <summary>Ids of the distinct terms of <paramref name="text"/> already in the vocabulary.</summary>
    public HashSet<int> KnownTerms(ReadOnlySpan<char> text) => [.. Count(text, addNew: false).Keys];
}
