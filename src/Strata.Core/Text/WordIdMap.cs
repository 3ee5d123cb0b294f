using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Strata.Core.Text;

/// <summary>
/// A bounded, process-wide map from words (char spans) to ints for the per-word lookups of ingest: lookups take no
/// lock and touch one 16-byte slot (plus the word's characters when it is longer than four), where a
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> walks a bucket, a node and a key
/// string — three cache misses once the vocabulary outgrows the caches (CJK bigrams make it tens of thousands of
/// words). Additions take a lock; a full map adds nothing more.
/// </summary>
public sealed class WordIdMap(int maxCount)
{
    private const int InlineLength = 4;

    /// <summary>Longest word the map holds.</summary>
    public const int MaxWordLength = ushort.MaxValue;

    private readonly Lock _writeLock = new();
    private Table _table = new(1 << 12);
    private char[] _arena = new char[1 << 14];
    private int _arenaLength;

    /// <summary>Words held.</summary>
    public int Count => Volatile.Read(ref _table).Count;

    /// <summary>Whether no more words are added.</summary>
    public bool IsFull => Count >= maxCount;

    /// <summary>The value of <paramref name="word"/>, if it was added.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, out int value)
    {
        var table = Volatile.Read(ref _table);
        var hash = Hash(word);
        var inline = word.Length <= InlineLength ? Pack(word) : 0;
        for (var index = hash & table.Mask; ; index = (index + 1) & table.Mask)
        {
            ref var slot = ref table.Slots[index];
            var slotHash = Volatile.Read(ref slot.Hash);
            if (slotHash == 0)
            {
                value = 0;
                return false;
            }

            if (slotHash == hash && (word.Length <= InlineLength ? slot.Key == inline : ArenaEquals(slot.Key, word)))
            {
                value = slot.Value;
                return true;
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="word"/> with <paramref name="value"/> unless it is present (its value is returned) or the map
    /// is full (<paramref name="value"/> is returned and nothing is added).
    /// </summary>
    public int GetOrAdd(ReadOnlySpan<char> word, int value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(word.Length, MaxWordLength, nameof(word));
        lock (_writeLock)
        {
            if (TryGetValue(word, out var existing))
            {
                return existing;
            }

            var table = _table;
            if (table.Count >= maxCount)
            {
                return value;
            }

            if ((table.Count + 1) * 2 > table.Slots.Length)
            {
                table = Grow(table);
            }

            Insert(table, Hash(word), word.Length <= InlineLength ? Pack(word) : Store(word), value);
            return value;
        }
    }

    private static void Insert(Table table, int hash, long key, int value)
    {
        var index = hash & table.Mask;
        while (table.Slots[index].Hash != 0)
        {
            index = (index + 1) & table.Mask;
        }

        ref var slot = ref table.Slots[index];
        slot.Key = key;
        slot.Value = value;
        // Published last: a reader that sees the hash sees the key and value.
        Volatile.Write(ref slot.Hash, hash);
        table.Count++;
    }

    private Table Grow(Table table)
    {
        var grown = new Table(table.Slots.Length * 2);
        foreach (var slot in table.Slots)
        {
            if (slot.Hash != 0)
            {
                Insert(grown, slot.Hash, slot.Key, slot.Value);
            }
        }

        // Readers still on the old table find every word it had; a word added after is found under the lock.
        Volatile.Write(ref _table, grown);
        return grown;
    }

    /// <summary>Appends a long word's characters to the arena; its key is the offset and length.</summary>
    private long Store(ReadOnlySpan<char> word)
    {
        if (_arenaLength + word.Length > _arena.Length)
        {
            // A reader holding the old arena finds the characters of every word published before the copy.
            var grown = new char[Math.Max(_arena.Length * 2, _arenaLength + word.Length)];
            _arena.AsSpan(0, _arenaLength).CopyTo(grown);
            Volatile.Write(ref _arena, grown);
        }

        word.CopyTo(_arena.AsSpan(_arenaLength));
        var key = ((long)_arenaLength << 16) | (uint)word.Length;
        _arenaLength += word.Length;
        return key;
    }

    private bool ArenaEquals(long key, ReadOnlySpan<char> word)
    {
        var length = (int)(key & 0xFFFF);
        return length == word.Length && Volatile.Read(ref _arena).AsSpan((int)(key >> 16), length).SequenceEqual(word);
    }

    /// <summary>Up to four characters in one long (a word never holds U+0000, so lengths cannot collide).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Pack(ReadOnlySpan<char> word)
    {
        long packed = 0;
        for (var i = 0; i < word.Length; i++)
        {
            packed |= (long)word[i] << (16 * i);
        }

        return packed;
    }

    /// <summary>FNV-1a over the characters, finished with MurmurHash3's mix; never 0 (0 marks an empty slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return hash == 0 ? 1 : (int)hash;
    }

    private sealed class Table(int capacity)
    {
        public readonly Slot[] Slots = new Slot[capacity];
        public readonly int Mask = capacity - 1;
        public int Count;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public int Hash;
        public int Value;
        public long Key;
    }
}
