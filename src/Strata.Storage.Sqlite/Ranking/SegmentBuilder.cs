using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// Collects one batch's documents into per-term postings with word positions (documents in ascending order), common
/// grams included (see <see cref="CommonGrams"/>).
/// </summary>
internal sealed class SegmentBuilder
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<TermBuffer> _terms = [];

    /// <summary>Adds a document's terms (documents in ascending order); returns its length in tokens (grams not counted).</summary>
    public int Add(int document, DocumentTerms terms)
    {
        var counts = terms.Counts;
        var positions = terms.Positions;
        var offset = 0;
        for (var index = 0; index < terms.Terms.Count; index++)
        {
            var posting = new Posting(document, counts[index * 3], counts[(index * 3) + 1], counts[(index * 3) + 2]);
            var total = posting.Title + posting.Body + posting.Tags;
            _terms[TermId(terms.Terms[index])].Add(posting, positions.Slice(offset, total));
            offset += total;
        }

        return terms.Length;
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

    private int TermId(string term)
    {
        ref var termId = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_termIds, term, out var exists);
        if (!exists)
        {
            termId = _terms.Count;
            _terms.Add(new TermBuffer(term));
        }

        return termId;
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
