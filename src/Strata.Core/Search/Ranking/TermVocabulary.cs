using System.Collections.Concurrent;
using Strata.Core.Text;

namespace Strata.Core.Search.Ranking;

/// <summary>
/// The process's vocabulary of analysed index terms, shared by every pipeline worker: each term gets an id once,
/// with its string and hash code made once, so workers hand the index writer the same string for a term and the
/// per-word work of analysis is one lookup of the raw word (<see cref="Words"/>). Ids are given in the
/// "vocabulary form" <c>id &lt;&lt; 1 | common</c>, the low bit telling a common word (<see cref="CommonGrams"/>).
/// Bounded: once full, new terms get no id and callers keep them privately.
/// </summary>
internal static class TermVocabulary
{
    /// <summary>Terms (and raw words) the vocabulary keeps.</summary>
    public const int MaxTerms = 262_144;

    /// <summary>Raw words as the tokenizer normalises them → their analysed term, in vocabulary form.</summary>
    public static readonly WordIdMap Words = new(MaxTerms);

    private static readonly WordIdMap Terms = new(MaxTerms);
    private static readonly Lock AddLock = new();
    private static readonly ConcurrentDictionary<long, int> Grams = new();
    private static (string Term, int Hash)[] s_described = new (string, int)[1024];
    private static int s_count;

    /// <summary>The vocabulary form of <paramref name="term"/> (an analysed term), or -1 once the vocabulary is full.</summary>
    public static int Term(ReadOnlySpan<char> term)
    {
        if (Terms.TryGetValue(term, out var known))
        {
            return known;
        }

        lock (AddLock)
        {
            if (Terms.TryGetValue(term, out known))
            {
                return known;
            }

            if (s_count >= MaxTerms)
            {
                return -1;
            }

            var text = term.ToString();
            if (s_count == s_described.Length)
            {
                var grown = new (string, int)[s_count * 2];
                s_described.AsSpan().CopyTo(grown);
                Volatile.Write(ref s_described, grown);
            }

            // Described before the id is published, so whoever finds the id finds its string.
            s_described[s_count] = (text, text.GetHashCode());
            var form = (s_count << 1) | (CommonGrams.IsCommon(term) ? 1 : 0);
            s_count++;
            return Terms.GetOrAdd(term, form);
        }
    }

    /// <summary>The string and hash code of term <paramref name="id"/> (a vocabulary form shifted right by one).</summary>
    public static (string Term, int Hash) Describe(int id) => Volatile.Read(ref s_described)[id];

    /// <summary>The vocabulary form of the gram of two common terms (by id), or -1 once the vocabulary is full.</summary>
    public static int Gram(int first, int second)
    {
        var key = ((long)first << 32) | (uint)second;
        if (Grams.TryGetValue(key, out var gram))
        {
            return gram;
        }

        gram = Term(CommonGrams.Gram(Describe(first).Term, Describe(second).Term));
        if (gram >= 0)
        {
            Grams.TryAdd(key, gram);
        }

        return gram;
    }
}
