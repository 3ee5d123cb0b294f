using System.Collections.Frozen;

namespace Strata.Core.Search.Ranking;

/// <summary>
/// Common grams (after Lucene's CommonGrams filter, narrowed): each pair of adjacent common function words is indexed
/// as one more term, so a phrase such as "of the" reads one posting list instead of matching the positions of two
/// words found ~100 times in every document. Only pairs of two common words get a gram: pairing common words with
/// every other word as well (Lucene's rule) made phrases like "of strengchiortteen" faster too, but tripled the
/// index build time and grew the index by 81 % at 100,000 documents (docs/performance.md).
/// </summary>
public static class CommonGrams
{
    /// <summary>Joins a gram's two words; the analyser never emits it, so a gram cannot collide with a word.</summary>
    public const char Joiner = '\u001F';

    // Lucene's English stop set, analysed the way the index analyses words (Porter stems: "was" → "wa").
    private static readonly FrozenSet<string> Common = new[]
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
    }.SelectMany(SearchTextAnalyzer.AnalyzeTerm).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonSpans = Common.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether an analysed token is a common word (paired into grams with its common neighbours).</summary>
    public static bool IsCommon(ReadOnlySpan<char> token) => CommonSpans.Contains(token);

    /// <summary>Whether the pair gets a gram.</summary>
    public static bool Pairs(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => IsCommon(first) && IsCommon(second);

    /// <summary>The gram term of two adjacent analysed tokens.</summary>
    public static string Gram(string first, string second) => string.Concat(first, Joiner.ToString(), second);

    /// <summary>
    /// The terms a phrase of analysed tokens is matched by, each with its offset in the phrase: a gram for every
    /// adjacent pair of common words, and each word no gram covers. They hold at their offsets exactly where the
    /// phrase occurs. A phrase of one word is that word. With <paramref name="prefixLast"/> the last word is a prefix:
    /// it stays a unit of its own (marked <see cref="PhraseUnit.Prefix"/>), never part of a gram.
    /// </summary>
    public static IReadOnlyList<PhraseUnit> Units(IReadOnlyList<string> phrase, bool prefixLast = false)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var units = new List<PhraseUnit>(phrase.Count);
        var covered = new bool[phrase.Count];
        var paired = prefixLast ? phrase.Count - 1 : phrase.Count;
        for (var i = 0; i + 1 < paired; i++)
        {
            if (Pairs(phrase[i], phrase[i + 1]))
            {
                units.Add(new PhraseUnit(Gram(phrase[i], phrase[i + 1]), i));
                covered[i] = covered[i + 1] = true;
            }
        }

        for (var i = 0; i < phrase.Count; i++)
        {
            if (!covered[i])
            {
                units.Add(new PhraseUnit(phrase[i], i, prefixLast && i == phrase.Count - 1));
            }
        }

        units.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return units;
    }
}

/// <summary>
/// One term of a phrase and where it starts, in words from the phrase's start; a <paramref name="Prefix"/> unit stands
/// for every term starting with <paramref name="Term"/> (grams aside), taken together as one term.
/// </summary>
public readonly record struct PhraseUnit(string Term, int Offset, bool Prefix = false);
