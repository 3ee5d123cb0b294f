using System.Buffers;
using Strata.Core.Search.Ranking;

namespace Strata.Storage.Sqlite.Ranking;

/// <summary>
/// One query's accumulators over the document table: a BM25 score and a count of matched expressions per document
/// (or <see cref="Excluded"/>), in pooled arrays indexed by rowid. Only the counts are cleared per query: a score is
/// written (not added) where a document is first matched and read only where it matched, so stale scores never count.
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
    private int _added;

    /// <summary>The shortest postings added: a document matching every added expression is among them.</summary>
    private TermPostings? _shortest;

    public QueryEvaluation(PostingsSource source, DocumentTable table)
    {
        _source = source;
        _table = table;
        _scores = SearchBuffers.Floats.Rent(Math.Max(table.Capacity, 1));
        _matched = SearchBuffers.Bytes.Rent(Math.Max(table.Capacity, 1));
        Array.Clear(_matched, 0, table.Capacity);
    }

    /// <summary>Scores the documents holding the word or phrase and counts it as matched for them.</summary>
    public async Task AddAsync(KeywordExpression expression, CancellationToken cancellationToken)
    {
        TermPostings? postings = await PostingsAsync(expression, cancellationToken).ConfigureAwait(false);
        try
        {
            Add(postings);
        }
        finally
        {
            _added++;
            if (_shortest is null || postings.Count < _shortest.Count)
            {
                (_shortest, postings) = (postings, _shortest);
            }

            postings?.Dispose();
        }
    }

    private void Add(TermPostings postings)
    {
        var idf = (float)Bm25.Idf(_table.Documents, postings.Count);
        var norms = _table.Norms;
        var documents = postings.Documents;
        var frequencies = postings.Frequencies;
        var scores = _scores;
        var matched = _matched;
        int low = _low, high = _high;
        for (var i = 0; i < documents.Length; i++)
        {
            var document = documents[i];
            var score = Bm25.Score(idf, frequencies[i], norms[document]);
            var count = matched[document];
            scores[document] = count == 0 ? score : scores[document] + score;
            if (count != Excluded)
            {
                matched[document] = (byte)(count + 1);
            }

            low = document < low ? document : low;
            high = document > high ? document : high;
        }

        _low = low;
        _high = high;
    }

    /// <summary>Excludes the documents holding the word or phrase.</summary>
    public async Task ExcludeAsync(KeywordExpression expression, CancellationToken cancellationToken)
    {
        using var postings = await PostingsAsync(expression, cancellationToken).ConfigureAwait(false);
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
        if (_high < _low)
        {
            return RankedDocuments.None;
        }

        return exact && required == _added && _shortest is not null ? CollectFrom(_shortest, required) : CollectByScan(required, exact);
    }

    /// <summary><see cref="Collect"/> by scanning every touched document (what it does unless all expressions are required; tests compare the two).</summary>
    internal RankedDocuments CollectByScan(int required, bool exact)
    {
        if (_high < _low)
        {
            return RankedDocuments.None;
        }

        // One pass over the touched range, jumping over runs of unmatched documents (most of it for a rare word).
        var collected = new TermPostings();
        var matched = _matched.AsSpan(_low, _high - _low + 1);
        var at = 0;
        while (at < matched.Length)
        {
            var skip = matched[at..].IndexOfAnyExcept((byte)0);
            if (skip < 0)
            {
                break;
            }

            at += skip;
            if (Matches(matched[at], required, exact))
            {
                collected.Add(_low + at, _scores[_low + at]);
            }

            at++;
        }

        return new RankedDocuments(collected, collected.Count);
    }

    /// <summary>
    /// The documents matching all <paramref name="required"/> added expressions, found among the shortest one's
    /// postings rather than by scanning the whole touched range (every document of a common word's).
    /// </summary>
    private RankedDocuments CollectFrom(TermPostings shortest, int required)
    {
        var collected = new TermPostings(shortest.Count);
        var matched = _matched;
        var scores = _scores;
        foreach (var document in shortest.Documents)
        {
            if (matched[document] == required)
            {
                collected.Add(document, scores[document]);
            }
        }

        return new RankedDocuments(collected, collected.Count);
    }

    private static bool Matches(byte matched, int required, bool exact) =>
        matched != Excluded && (exact ? matched == required : matched >= required);

    public void Dispose()
    {
        _shortest?.Dispose();
        SearchBuffers.Floats.Return(_scores);
        SearchBuffers.Bytes.Return(_matched);
    }

    private Task<TermPostings> PostingsAsync(KeywordExpression expression, CancellationToken cancellationToken) =>
        PostingsAsync(_source, _table, expression, cancellationToken);

    /// <summary>
    /// A query of one word or phrase and no exclusions: its postings are the matches, each document once, so they are
    /// scored straight from the list (no accumulators to clear, scatter into and scan). Scores as <see cref="AddAsync"/>
    /// gives them; <paramref name="folded"/> documents are left out.
    /// </summary>
    public static async Task<RankedDocuments> RankOneAsync(PostingsSource source, DocumentTable table, KeywordExpression expression, IReadOnlySet<long> folded, CancellationToken cancellationToken)
    {
        var postings = await PostingsAsync(source, table, expression, cancellationToken).ConfigureAwait(false);
        var idf = (float)Bm25.Idf(table.Documents, postings.Count);
        var norms = table.Norms;
        // Scored in place: each frequency becomes its document's score, folded documents are compacted away.
        var (documents, values) = postings.Arrays;
        var total = postings.Count;
        if (folded.Count == 0)
        {
            // Nothing folded (the usual case): a tight loop without the set lookup or the compaction.
            for (var i = 0; i < total; i++)
            {
                values[i] = Bm25.Score(idf, values[i], norms[documents[i]]);
            }

            return new RankedDocuments(postings, total);
        }

        var count = 0;
        for (var i = 0; i < total; i++)
        {
            var document = documents[i];
            if (!folded.Contains(document))
            {
                var score = Bm25.Score(idf, values[i], norms[document]);
                documents[count] = document;
                values[count++] = score;
            }
        }

        return new RankedDocuments(postings, count);
    }

    private static async Task<TermPostings> PostingsAsync(PostingsSource source, DocumentTable table, KeywordExpression expression, CancellationToken cancellationToken)
    {
        // A phrase is matched by its common grams and the words they leave; one term (a word, a prefix, or a phrase
        // such as "of the" that is one gram) needs no positions: its counts are the phrase's.
        var units = expression.Units();
        if (units.Count == 1)
        {
            return units[0].Prefix
                ? await source.LoadPrefixAsync(units[0].Term, cancellationToken).ConfigureAwait(false)
                : await source.LoadAsync(units[0].Term, cancellationToken).ConfigureAwait(false);
        }

        var key = PhraseKey(units);
        if (source.KeptPhrase(key) is { } kept)
        {
            return kept;
        }

        var terms = units.Where(unit => !unit.Prefix).Select(unit => unit.Term).Distinct(StringComparer.Ordinal).ToArray();
        var segments = await source.LoadEncodedAsync(terms, cancellationToken).ConfigureAwait(false);
        if (units.FirstOrDefault(unit => unit.Prefix) is { Prefix: true } prefix)
        {
            // The prefix's union goes in as one more term, under a key no stored term can have, merged only for the
            // documents holding the phrase's other units (a common character starts thousands of bigrams).
            var prefixKey = PrefixPostings.Key(prefix.Term);
            var candidates = PrefixPostings.Candidates(segments, terms);
            foreach (var (segment, blobs) in await source.LoadPrefixEncodedAsync(prefix.Term, candidates, cancellationToken).ConfigureAwait(false))
            {
                if (segments.TryGetValue(segment, out var held))
                {
                    held[prefixKey] = blobs;
                }
            }

            units = units.Select(unit => unit.Prefix ? unit with { Term = prefixKey } : unit).ToArray();
        }

        var matched = PhraseMatcher.Match(units, segments, table);
        source.KeepPhrase(key, matched);
        return matched;
    }

    /// <summary>Names a phrase by its units (terms, offsets, prefix marks) for <see cref="HotPostings"/>.</summary>
    private static string PhraseKey(IReadOnlyList<PhraseUnit> units) =>
        string.Join('\u001E', units.Select(unit => $"{unit.Term}\u001D{unit.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(unit.Prefix ? "*" : string.Empty)}"));
}
