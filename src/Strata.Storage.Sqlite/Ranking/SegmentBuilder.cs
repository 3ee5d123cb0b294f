using Strata.Core.Search.Ranking;
using Strata.Core.Storage;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// Collects one batch's documents into per-term postings with word positions (documents in ascending order), common
/// grams included (see <see cref="CommonGrams"/>).
/// </summary>
internal sealed class SegmentBuilder
{
    private const int Columns = 3;

    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<TermBuffer> _terms = [];

    // Per-document scratch, reused: each token's term id by column, the terms seen, and per term its slot.
    private readonly List<(int Term, int Position)>[] _occurrences = [[], [], []];
    private readonly List<int> _seen = [];
    private int[] _slots = [];
    private int[] _counts = [];
    private int[] _cursors = [];
    private int[] _positions = [];

    /// <summary>Adds a document's analysed columns; returns its length in tokens over all columns (grams not counted).</summary>
    public int Add(int document, IndexDocument index)
    {
        _seen.Clear();
        var length = 0;
        length += Tokenize(index.Title, _occurrences[0]);
        length += Tokenize(index.Body, _occurrences[1]);
        length += Tokenize(index.Tags, _occurrences[2]);
        EnsureScratch();

        // Count each term's occurrences per column, giving every new term a slot.
        for (var column = 0; column < Columns; column++)
        {
            foreach (var (termId, _) in _occurrences[column])
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
            foreach (var (termId, position) in _occurrences[column])
            {
                _positions[_cursors[(_slots[termId] * Columns) + column]++] = position;
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

        return length;
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

    /// <summary>Reads a column's tokens as (term, position), then its common grams at their first word's position; returns the token count.</summary>
    private int Tokenize(string text, List<(int Term, int Position)> into)
    {
        into.Clear();
        var lookup = _termIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokens = 0;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var token = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            if (!token.IsEmpty)
            {
                into.Add((TermId(lookup, token), tokens++));
            }
        }

        Span<char> gram = stackalloc char[128];
        for (var i = 0; i + 1 < tokens; i++)
        {
            var first = _terms[into[i].Term];
            var second = _terms[into[i + 1].Term];
            if (!first.IsCommon || !second.IsCommon) // CommonGrams.Pairs, from flags computed once per term
            {
                continue;
            }

            var length = first.Term.Length + 1 + second.Term.Length;
            var joined = length <= gram.Length ? gram[..length] : new char[length];
            first.Term.CopyTo(joined);
            joined[first.Term.Length] = CommonGrams.Joiner;
            second.Term.CopyTo(joined[(first.Term.Length + 1)..]);
            into.Add((TermId(lookup, joined), i));
        }

        return tokens;
    }

    private int TermId(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> token)
    {
        if (!lookup.TryGetValue(token, out var termId))
        {
            termId = _terms.Count;
            var term = token.ToString();
            _termIds.Add(term, termId);
            _terms.Add(new TermBuffer(term));
        }

        return termId;
    }

    private void EnsureScratch()
    {
        if (_slots.Length < _terms.Count)
        {
            var previous = _slots.Length;
            Array.Resize(ref _slots, Math.Max(_terms.Count * 2, 1024));
            _slots.AsSpan(previous).Fill(-1);
        }

        var distinctBound = (_occurrences[0].Count + _occurrences[1].Count + _occurrences[2].Count) * Columns;
        if (_counts.Length < distinctBound)
        {
            _counts = new int[distinctBound * 2];
            _cursors = new int[distinctBound * 2];
        }
    }

    private sealed class TermBuffer(string term)
    {
        public string Term { get; } = term;

        public bool IsCommon { get; } = CommonGrams.IsCommon(term);

        public List<Posting> Postings { get; } = [];

        public List<int> Positions { get; } = [];

        public void Add(Posting posting, ReadOnlySpan<int> positions)
        {
            Postings.Add(posting);
            Positions.AddRange(positions);
        }
    }
}
