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

    private static readonly WordTable<TermInfo> Terms = new(MaxTerms);
    private static readonly ConcurrentDictionary<long, int> Grams = new();

    /// <summary>The vocabulary form of <paramref name="term"/> (an analysed term), or -1 once the vocabulary is full.</summary>
    public static int Term(ReadOnlySpan<char> term)
    {
        var id = Terms.GetOrAdd(term, static text => new TermInfo(text, text.GetHashCode(), CommonGrams.IsCommon(text)));
        return id < 0 ? -1 : (id << 1) | (Terms[id].Common ? 1 : 0);
    }

    /// <summary>The string and hash code of term <paramref name="id"/> (a vocabulary form shifted right by one).</summary>
    public static (string Term, int Hash) Describe(int id)
    {
        var info = Terms[id];
        return (info.Term, info.Hash);
    }

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

    /// <summary>An analysed term's string, its hash code (made once) and whether it is a common word.</summary>
    private readonly record struct TermInfo(string Term, int Hash, bool Common);
}
