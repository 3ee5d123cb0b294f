using System.Runtime.InteropServices;
using Strata.Core.Text;

namespace Strata.Core.Search.Ranking;

public sealed partial class DocumentTerms
{
    /// <summary>
    /// Per-thread buffers reused from document to document. Each word is looked up once in the process-wide
    /// vocabulary (<see cref="TermVocabulary"/>: raw word → analysed term id, stemmed once), then given its id in the
    /// document through a small per-document table keyed by that id. Per-thread vocabularies were tried and cost
    /// more: the pool's threads each filled their own, and together they no longer fitted in the caches.
    /// </summary>
    private sealed class Scratch
    {
        // Term ids in the document by vocabulary id (negative ids are the document's private terms).
        private readonly Dictionary<int, int> _ids = [];
        private readonly List<int> _terms = [];
        private readonly List<(int Term, int Column, int Position)> _occurrences = [];

        // The column's tokens: document term id << 1, | 1 for a common word (see CommonGrams).
        private readonly List<int> _columnTokens = [];

        // Terms the full vocabulary could not take, each once per document.
        private readonly Dictionary<string, int> _privateIds = new(StringComparer.Ordinal);
        private readonly List<string> _private = [];

        public void Reset()
        {
            _ids.Clear();
            _terms.Clear();
            _occurrences.Clear();
            _privateIds.Clear();
            _private.Clear();
        }

        /// <summary>Reads analysed text (space-separated terms), then its common grams; returns the token count.</summary>
        public int TokenizeAnalysed(string text, int column)
        {
            _columnTokens.Clear();
            foreach (var range in text.AsSpan().Split(' '))
            {
                var token = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
                if (!token.IsEmpty)
                {
                    Occur(Term(token), column);
                }
            }

            AddGrams(column);
            return _columnTokens.Count;
        }

        /// <summary>Tokenises and analyses raw text as <see cref="SearchTextAnalyzer.ToIndexText"/> does, then its common grams.</summary>
        public int TokenizeRaw(string text, int column)
        {
            _columnTokens.Clear();
            Span<char> stem = stackalloc char[PorterStemmer.MaxWordLength];
            Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
            foreach (var token in new TextTokenizer(text, buffer))
            {
                if (!TermVocabulary.Words.TryGetValue(token.Text, out var term))
                {
                    var analysed = SearchTextAnalyzer.Analyse(token, stem);
                    if (analysed.IsEmpty)
                    {
                        continue;
                    }

                    term = Term(analysed);
                    if (term >= 0)
                    {
                        TermVocabulary.Words.GetOrAdd(token.Text, term);
                    }
                }

                Occur(term, column);
            }

            AddGrams(column);
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

            var terms = new string[_terms.Count];
            var hashes = new int[_terms.Count];
            for (var i = 0; i < terms.Length; i++)
            {
                var id = _terms[i] >> 1;
                if (id >= 0)
                {
                    (terms[i], hashes[i]) = TermVocabulary.Describe(id);
                }
                else
                {
                    terms[i] = _private[~id];
                    hashes[i] = terms[i].GetHashCode();
                }
            }

            return new DocumentTerms(terms, hashes, counts, positions, length);
        }

        /// <summary>The analysed term's vocabulary id (<see cref="TermVocabulary"/>'s form), or a private one for this document.</summary>
        private int Term(ReadOnlySpan<char> analysed)
        {
            var term = TermVocabulary.Term(analysed);
            if (term >= 0)
            {
                return term;
            }

            var text = analysed.ToString();
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_privateIds, text, out var exists);
            if (!exists)
            {
                id = ~_private.Count;
                _private.Add(text);
            }

            return (id << 1) | (CommonGrams.IsCommon(analysed) ? 1 : 0);
        }

        private void Occur(int term, int column)
        {
            var id = Id(term);
            _occurrences.Add((id, column, _columnTokens.Count));
            _columnTokens.Add((id << 1) | (term & 1));
        }

        /// <summary>A gram for each adjacent pair of common words of the column, at the first word's position.</summary>
        private void AddGrams(int column)
        {
            for (var i = 0; i + 1 < _columnTokens.Count; i++)
            {
                var first = _columnTokens[i];
                var second = _columnTokens[i + 1];
                if ((first & second & 1) != 0)
                {
                    var gram = Gram(_terms[first >> 1], _terms[second >> 1]);
                    _occurrences.Add((Id(gram), column, i));
                }
            }
        }

        private int Gram(int first, int second)
        {
            if (first >= 0 && second >= 0 && TermVocabulary.Gram(first >> 1, second >> 1) is var gram and >= 0)
            {
                return gram;
            }

            return Term(CommonGrams.Gram(TermText(first), TermText(second)));
        }

        private string TermText(int term) => term >= 0 ? TermVocabulary.Describe(term >> 1).Term : _private[~(term >> 1)];

        /// <summary>The term's id in the current document, given on first use; the document keeps the vocabulary form.</summary>
        private int Id(int term)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, term >> 1, out var exists);
            if (!exists)
            {
                id = _terms.Count;
                _terms.Add(term);
            }

            return id;
        }
    }
}
