using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// Collects documents into per-term postings with word positions (documents in ascending order), common grams
/// included (see <see cref="CommonGrams"/>). It runs on the single index writer, once per distinct term of every
/// document, so it avoids objects per term: each term's records (document, title, body and tag counts, then the
/// positions) are appended to its own chain of slices in shared pages of integers (see <see cref="SlicePool"/>),
/// and terms are found through an open-addressing table of the hash codes their documents carry. A list of postings and a list of
/// positions per term made four to six cache misses per term and most of the writer's allocations.
/// </summary>
internal sealed class SegmentBuilder
{
    private readonly SlicePool _pool = new();
    private int[] _slots = new int[1 << 12];
    private int _mask = (1 << 12) - 1;
    private string[] _names = new string[1 << 11];
    private int[] _hashes = new int[1 << 11];
    private TermChain[] _chains = new TermChain[1 << 11];
    private int _count;

    /// <summary>Adds a document's terms (documents in ascending order); returns its length in tokens (grams not counted).</summary>
    public int Add(int document, DocumentTerms terms)
    {
        var counts = terms.Counts;
        var hashes = terms.TermHashes;
        var positions = terms.Positions;
        var offset = 0;
        for (var index = 0; index < terms.Terms.Count; index++)
        {
            var title = counts[index * 3];
            var body = counts[(index * 3) + 1];
            var tags = counts[(index * 3) + 2];
            var total = title + body + tags;
            var termId = TermId(terms.Terms[index], hashes[index]); // may grow the arrays: look it up before taking a reference
            ref var chain = ref _chains[termId];
            _pool.Append(ref chain, document, title, body, tags, positions.Slice(offset, total));
            offset += total;
        }

        return terms.Length;
    }

    /// <summary>The terms in ordinal order with their encoded postings and positions.</summary>
    public IEnumerable<(string Term, byte[] Data, byte[] Positions)> Build()
    {
        var order = new int[_count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var names = _names;
        Array.Sort(order, (a, b) => string.CompareOrdinal(names[a], names[b]));
        var postings = new List<Posting>();
        var positions = new List<int>();
        foreach (var termId in order)
        {
            postings.Clear();
            positions.Clear();
            var reader = _pool.Read(_chains[termId]);
            while (reader.TryRead(out var document))
            {
                var posting = new Posting(document, reader.Read(), reader.Read(), reader.Read());
                postings.Add(posting);
                for (var i = posting.Title + posting.Body + posting.Tags; i > 0; i--)
                {
                    positions.Add(reader.Read());
                }
            }

            yield return (names[termId], PostingsCodec.Encode(postings), PostingsCodec.EncodePositions(postings, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(positions)));
        }
    }

    /// <summary>The term's id, given <paramref name="hash"/>, its <see cref="string.GetHashCode()"/> (see <see cref="DocumentTerms.TermHashes"/>).</summary>
    private int TermId(string term, int hash)
    {
        var slot = hash & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return Insert(term, hash, slot);
            }

            var id = entry - 1;
            if (_hashes[id] == hash && string.Equals(_names[id], term, StringComparison.Ordinal))
            {
                return id;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private int Insert(string term, int hash, int slot)
    {
        var id = _count++;
        if (id == _names.Length)
        {
            Array.Resize(ref _names, id * 2);
            Array.Resize(ref _hashes, id * 2);
            Array.Resize(ref _chains, id * 2);
        }

        _names[id] = term;
        _hashes[id] = hash;
        _chains[id] = SlicePool.EmptyChain;
        _slots[slot] = id + 1;
        if (_count * 2 > _slots.Length)
        {
            Rehash();
        }

        return id;
    }

    /// <summary>Doubles the table (kept at most half full, so probes stay short).</summary>
    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        _mask = _slots.Length - 1;
        for (var id = 0; id < _count; id++)
        {
            var slot = _hashes[id] & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = id + 1;
        }
    }

    /// <summary>Where a term's records start and where the next integer goes.</summary>
    internal struct TermChain
    {
        public int Head;
        public int Tail;
        public int SliceEnd;
        public int Level;
    }
}
