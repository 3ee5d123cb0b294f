using Strata.Core.Storage;

namespace Strata.Core.Search.Ranking;

/// <summary>
/// One analysed document as the ranked index files it: its distinct terms (common grams included, see
/// <see cref="CommonGrams"/>), each with its title, body and tag counts and its word positions (title positions,
/// then body, then tags, each ascending). Computed where the document is analysed, on the pipeline's parallel
/// workers, so the single index writer only files each distinct term into its segment instead of tokenising
/// every word (a fifth of the writer's CPU when it did).
/// </summary>
public sealed class DocumentTerms
{
    private const int Columns = 3;

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly int[] _counts;
    private readonly int[] _positions;

    private DocumentTerms(string[] terms, int[] counts, int[] positions, int length)
    {
        Terms = terms;
        _counts = counts;
        _positions = positions;
        Length = length;
    }

    /// <summary>The distinct terms, in order of first occurrence.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Three counts per term: title, body, tags.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    /// <summary>Each term's positions, the terms one after another in <see cref="Terms"/> order.</summary>
    public ReadOnlySpan<int> Positions => _positions;

    /// <summary>The document's length in tokens over all columns (grams not counted), as BM25 normalises it.</summary>
    public int Length { get; }

    /// <summary>Tokenises the analysed columns of <paramref name="document"/>.</summary>
    public static DocumentTerms From(IndexDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scratch = t_scratch ??= new Scratch();
        scratch.Reset();
        var length = scratch.Tokenize(document.Title, 0) + scratch.Tokenize(document.Body, 1) + scratch.Tokenize(document.Tags, 2);
        return scratch.Collect(length);
    }

    /// <summary>Per-thread buffers reused from document to document.</summary>
    private sealed class Scratch
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];
        private readonly List<bool> _common = [];
        private readonly List<(int Term, int Column, int Position)> _occurrences = [];
        private readonly List<int> _columnTokens = [];

        public void Reset()
        {
            _ids.Clear();
            _terms.Clear();
            _common.Clear();
            _occurrences.Clear();
        }

        /// <summary>Reads a column's tokens as occurrences, then its common grams at their first word's position; returns the token count.</summary>
        public int Tokenize(string text, int column)
        {
            var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            _columnTokens.Clear();
            foreach (var range in text.AsSpan().Split(' '))
            {
                var token = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
                if (!token.IsEmpty)
                {
                    var id = Id(lookup, token);
                    _occurrences.Add((id, column, _columnTokens.Count));
                    _columnTokens.Add(id);
                }
            }

            Span<char> gram = stackalloc char[128];
            for (var i = 0; i + 1 < _columnTokens.Count; i++)
            {
                var first = _columnTokens[i];
                var second = _columnTokens[i + 1];
                if (!_common[first] || !_common[second])
                {
                    continue;
                }

                var firstTerm = _terms[first];
                var secondTerm = _terms[second];
                var length = firstTerm.Length + 1 + secondTerm.Length;
                var joined = length <= gram.Length ? gram[..length] : new char[length];
                firstTerm.CopyTo(joined);
                joined[firstTerm.Length] = CommonGrams.Joiner;
                secondTerm.CopyTo(joined[(firstTerm.Length + 1)..]);
                _occurrences.Add((Id(lookup, joined), column, i));
            }

            return _columnTokens.Count;
        }

        /// <summary>Counts each term's occurrences per column and lays its positions out as title, body, tags groups.</summary>
        public DocumentTerms Collect(int length)
        {
            var counts = new int[_terms.Count * Columns];
            foreach (var (term, column, _) in _occurrences)
            {
                counts[(term * Columns) + column]++;
            }

            var cursors = new int[counts.Length];
            var offset = 0;
            for (var slot = 0; slot < counts.Length; slot++)
            {
                cursors[slot] = offset;
                offset += counts[slot];
            }

            // Each group ascends as filled: a column's words come in order, then its grams in order (a gram is never a word).
            var positions = new int[offset];
            foreach (var (term, column, position) in _occurrences)
            {
                positions[cursors[(term * Columns) + column]++] = position;
            }

            return new DocumentTerms([.. _terms], counts, positions, length);
        }

        private int Id(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> token)
        {
            if (!lookup.TryGetValue(token, out var id))
            {
                id = _terms.Count;
                var term = token.ToString();
                _ids.Add(term, id);
                _terms.Add(term);
                _common.Add(CommonGrams.IsCommon(term));
            }

            return id;
        }
    }
}
