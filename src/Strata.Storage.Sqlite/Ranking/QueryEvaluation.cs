using System.Buffers;
using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// One query's accumulators over the document table: a BM25 score and a count of matched expressions per document
/// (or <see cref="Excluded"/>), in pooled arrays indexed by rowid.
/// </summary>
internal sealed class QueryEvaluation : IDisposable
{
    private const byte Excluded = byte.MaxValue;

    private readonly PostingsSource _source;
    private readonly DocumentTable _table;
    private readonly float[] _scores;
    private readonly byte[] _matched;
    private int _low = int.MaxValue;
    private int _high = -1;

    public QueryEvaluation(PostingsSource source, DocumentTable table)
    {
        _source = source;
        _table = table;
        _scores = ArrayPool<float>.Shared.Rent(Math.Max(table.Capacity, 1));
        _matched = ArrayPool<byte>.Shared.Rent(Math.Max(table.Capacity, 1));
        Array.Clear(_scores, 0, table.Capacity);
        Array.Clear(_matched, 0, table.Capacity);
    }

    /// <summary>Scores the documents holding the word or phrase and counts it as matched for them.</summary>
    public async Task AddAsync(IReadOnlyList<string> expression, CancellationToken cancellationToken)
    {
        var postings = await PostingsAsync(expression, cancellationToken).ConfigureAwait(false);
        var idf = (float)Bm25.Idf(_table.Documents, postings.Count);
        var norms = _table.Norms;
        for (var i = 0; i < postings.Count; i++)
        {
            var document = postings.Documents[i];
            _scores[document] += Bm25.Score(idf, postings.Frequencies[i], norms[document]);
            if (_matched[document] != Excluded)
            {
                _matched[document]++;
            }

            _low = Math.Min(_low, document);
            _high = Math.Max(_high, document);
        }
    }

    /// <summary>Excludes the documents holding the word or phrase.</summary>
    public async Task ExcludeAsync(IReadOnlyList<string> expression, CancellationToken cancellationToken)
    {
        var postings = await PostingsAsync(expression, cancellationToken).ConfigureAwait(false);
        foreach (var document in postings.Documents)
        {
            _matched[document] = Excluded;
        }
    }

    public void Exclude(long rowid)
    {
        if (rowid < _table.Capacity)
        {
            _matched[rowid] = Excluded;
        }
    }

    /// <summary>Documents that matched <paramref name="required"/> expressions (at least that many unless <paramref name="exact"/>).</summary>
    public RankedDocuments Collect(int required, bool exact)
    {
        var documents = new List<int>();
        var scores = new List<float>();
        for (var document = _low; document <= _high; document++)
        {
            var count = _matched[document];
            if (count != Excluded && (exact ? count == required : count >= required))
            {
                documents.Add(document);
                scores.Add(_scores[document]);
            }
        }

        return new RankedDocuments([.. documents], [.. scores], documents.Count);
    }

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(_scores);
        ArrayPool<byte>.Shared.Return(_matched);
    }

    private async Task<TermPostings> PostingsAsync(IReadOnlyList<string> expression, CancellationToken cancellationToken)
    {
        if (expression.Count == 1)
        {
            return await _source.LoadAsync(expression[0], cancellationToken).ConfigureAwait(false);
        }

        var segments = await _source.LoadEncodedAsync(expression.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken).ConfigureAwait(false);
        return PhraseMatcher.Match(expression, segments, _table);
    }
}
