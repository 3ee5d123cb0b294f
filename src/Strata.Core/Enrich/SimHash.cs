using System.Numerics;
using Strata.Core.Text;

namespace Strata.Core.Enrich;

/// <summary>
/// Charikar's SimHash over word 3-shingles (CJK text: character 4-grams): near-identical texts get fingerprints a
/// few bits apart. Bits are counted with bit-sliced counters, a handful of word operations per shingle instead of
/// 64 additions, so fingerprinting runs at memory speed.
/// </summary>
public static class SimHash
{
    /// <summary>Fingerprints at most this many bits apart are near-duplicates (3 of 64 is the usual choice for web pages).</summary>
    public const int MaxDistance = 3;

    /// <summary>Texts with fewer shingles are too short to compare: small edits would swamp the fingerprint.</summary>
    public const int MinShingles = 24;

    private const int WordsPerShingle = 3;

    /// <summary>The fingerprint of <paramref name="text"/>, or null when it is too short.</summary>
    public static ulong? Compute(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var fingerprint = default(Fingerprint);
        fingerprint.Add(text);
        return fingerprint.Value;
    }

    public static int Distance(ulong first, ulong second) => BitOperations.PopCount(first ^ second);

    private static ulong Hash(ReadOnlySpan<char> token)
    {
        // FNV-1a over the normalised token, then a final mix so every bit depends on every character.
        var hash = 14695981039346656037UL;
        foreach (var character in token)
        {
            hash = (hash ^ character) * 1099511628211UL;
        }

        return Mix(hash);
    }

    private static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xFF51AFD7ED558CCDUL;
        value ^= value >> 33;
        value *= 0xC4CEB9FE1A85EC53UL;
        return value ^ (value >> 33);
    }

    /// <summary>
    /// The fingerprint of a text given in pieces that end between tokens (lines, say): the same as of the pieces
    /// joined by line breaks, without joining them.
    /// </summary>
    internal struct Fingerprint
    {
        private BitCounter _counter;
        private ulong _beforeLast;
        private ulong _last;
        private int _tokens;

        /// <summary>The fingerprint of what was added, or null when it is too short.</summary>
        public readonly ulong? Value => _counter.Count < MinShingles ? null : _counter.Majority();

        public void Add(ReadOnlySpan<char> text)
        {
            Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
            foreach (var token in new TextTokenizer(text, buffer))
            {
                if (token.IsRunTail)
                {
                    continue;
                }

                // CJK runs arrive as overlapping bigrams, so three of them in a row span four characters.
                var hash = Hash(token.Text);
                _tokens++;
                if (_tokens >= WordsPerShingle)
                {
                    // Order matters inside a shingle: mix the three token hashes position by position.
                    _counter.Add(Mix((Mix(_beforeLast * 31 + _last) * 31) + hash));
                }

                (_beforeLast, _last) = (_last, hash);
            }
        }
    }

    /// <summary>Counts, for each of 64 bit positions, how many added values had that bit set (vertical counters).</summary>
    private struct BitCounter
    {
        private const int Planes = 20; // counts up to about a million shingles
        private Planes20 _planes;

        public int Count { get; private set; }

        public void Add(ulong value)
        {
            var carry = value;
            for (var plane = 0; plane < Planes && carry != 0; plane++)
            {
                var sum = _planes[plane] ^ carry;
                carry &= _planes[plane];
                _planes[plane] = sum;
            }

            Count++;
        }

        /// <summary>Bit b is set when more than half of the values had it set.</summary>
        public readonly ulong Majority()
        {
            ulong result = 0;
            for (var bit = 0; bit < 64; bit++)
            {
                var ones = 0;
                for (var plane = 0; plane < Planes; plane++)
                {
                    ones |= (int)((_planes[plane] >> bit) & 1) << plane;
                }

                if (ones * 2 > Count)
                {
                    result |= 1UL << bit;
                }
            }

            return result;
        }

        [System.Runtime.CompilerServices.InlineArray(Planes)]
        private struct Planes20
        {
            private ulong _element;
        }
    }
}

/// <summary>
/// Splits a fingerprint into four 16-bit bands: two fingerprints within <see cref="SimHash.MaxDistance"/> bits share at
/// least one band exactly (pigeonhole), so candidates are found by equality lookups.
/// </summary>
public static class SimHashBands
{
    public const int Count = 4;

    public static long Value(ulong simhash, int band) => (long)((simhash >> (band * 16)) & 0xFFFF);
}
