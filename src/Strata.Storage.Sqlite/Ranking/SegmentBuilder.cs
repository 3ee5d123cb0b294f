using Strata.Core.Search.Ranking;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>Collects one batch's documents into per-term postings with word positions (documents in ascending order).</summary>
internal sealed class SegmentBuilder
{
    private const int Columns = 3;

    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<TermBuffer> _terms = [];

    // Per-document scratch, reused: each token's term id by column, the terms seen, and per term its slot.
    private readonly List<int>[] _tokens = [[], [], []];
    private readonly List<int> _seen = [];
    private int[] _slots = [];
    private int[] _counts = [];
    private int[] _cursors = [];
    private int[] _positions = [];

    /// <summary>Adds a document's analysed columns; returns its length in tokens over all columns.</summary>
    public int Add(int document, IndexDocument index)
    {
        _seen.Clear();
        Tokenize(index.Title, _tokens[0]);
        Tokenize(index.Body, _tokens[1]);
        Tokenize(index.Tags, _tokens[2]);
        EnsureScratch();

        // Count each term's occurrences per column, giving every new term a slot.
        for (var column = 0; column < Columns; column++)
        {
            foreach (var termId in _tokens[column])
            {
                var slot = _slots[termId];
                if (slot < 0)
                {
                    slot = _slots[termId] = _seen.Count;
                    _seen.Add(termId);
                    _counts.AsSpan(slot * Columns, Columns).Clear();
                }

                _counts[(slot * Columns) + column]++;
            }
        }

        // Lay positions out per slot as title, body, tags groups, then fill them in token order (so each ascends).
        var offset = 0;
        for (var slot = 0; slot < _seen.Count; slot++)
        {
            for (var column = 0; column < Columns; column++)
            {
                _cursors[(slot * Columns) + column] = offset;
                offset += _counts[(slot * Columns) + column];
            }
        }

        if (_positions.Length < offset)
        {
            _positions = new int[offset * 2];
        }

        for (var column = 0; column < Columns; column++)
        {
            var tokens = _tokens[column];
            for (var position = 0; position < tokens.Count; position++)
            {
                _positions[_cursors[(_slots[tokens[position]] * Columns) + column]++] = position;
            }
        }

        offset = 0;
        for (var slot = 0; slot < _seen.Count; slot++)
        {
            var termId = _seen[slot];
            var posting = new Posting(document, _counts[slot * Columns], _counts[(slot * Columns) + 1], _counts[(slot * Columns) + 2]);
            var total = posting.Title + posting.Body + posting.Tags;
            _terms[termId].Add(posting, _positions.AsSpan(offset, total));
            offset += total;
            _slots[termId] = -1;
        }

        return _tokens[0].Count + _tokens[1].Count + _tokens[2].Count;
    }

    /// <summary>The terms in ordinal order with their encoded postings and positions.</summary>
    public IEnumerable<(string Term, byte[] Data, byte[] Positions)> Build()
    {
        var order = Enumerable.Range(0, _terms.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(_terms[a].Term, _terms[b].Term));
        foreach (var termId in order)
        {
            var term = _terms[termId];
            yield return (term.Term, PostingsCodec.Encode(term.Postings), PostingsCodec.EncodePositions(term.Postings, term.Positions.ToArray()));
        }
    }

    private void Tokenize(string text, List<int> into)
    {
        into.Clear();
        var lookup = _termIds.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in text.AsSpan().Split(' '))
        {
            var token = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            if (token.IsEmpty)
            {
                continue;
            }

            if (!lookup.TryGetValue(token, out var termId))
            {
                termId = _terms.Count;
                var term = token.ToString();
                _termIds.Add(term, termId);
                _terms.Add(new TermBuffer(term));
            }

            into.Add(termId);
        }
    }

    private void EnsureScratch()
    {
        if (_slots.Length < _terms.Count)
        {
            var previous = _slots.Length;
            Array.Resize(ref _slots, Math.Max(_terms.Count * 2, 1024));
            _slots.AsSpan(previous).Fill(-1);
        }

        var distinctBound = (_tokens[0].Count + _tokens[1].Count + _tokens[2].Count) * Columns;
        if (_counts.Length < distinctBound)
        {
            _counts = new int[distinctBound * 2];
            _cursors = new int[distinctBound * 2];
        }
    }

    private sealed class TermBuffer(string term)
    {
        public string Term { get; } = term;

        public List<Posting> Postings { get; } = [];

        public List<int> Positions { get; } = [];

        public void Add(Posting posting, ReadOnlySpan<int> positions)
        {
            Postings.Add(posting);
            Positions.AddRange(positions);
        }
    }
}
