using System.Collections.Concurrent;
using Strata.Core.Text;

namespace Strata.Core.Search;

/// <summary>
/// Remembers the stems of words already seen: text repeats a small vocabulary, and stemming each occurrence was
/// most of the index analysis time. Bounded; thread-safe; the answer is always what <see cref="PorterStemmer"/> gives.
/// </summary>
internal static class StemCache
{
    private const int MaxEntries = 200_000;

    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan = Stems.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The stem of <paramref name="word"/> (a tokenizer word: lower-case), or the word itself when it has none.</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (BySpan.TryGetValue(word, out var known))
        {
            return known;
        }

        var length = PorterStemmer.Stem(word, buffer);
        var stem = length < 0 ? word : buffer[..length];
        if (Stems.Count < MaxEntries)
        {
            BySpan.TryAdd(word, stem.ToString());
        }

        return stem;
    }
}
