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
    private static int _entries;

    /// <summary>The stem of <paramref name="word"/> (a tokenizer word: lower-case), or the word itself when it has none.</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (BySpan.TryGetValue(word, out var known))
        {
            return known;
        }

        var length = PorterStemmer.Stem(word, buffer);
        var stem = length < 0 ? word : buffer[..length];
        // ConcurrentDictionary.Count takes every lock: once the cache is full, each miss paid for it (snippets stem
        // every candidate word of 11 documents per search). An approximate count is enough for a cap.
        if (Volatile.Read(ref _entries) < MaxEntries && BySpan.TryAdd(word, stem.ToString()))
        {
            Interlocked.Increment(ref _entries);
        }

        return stem;
    }
}
