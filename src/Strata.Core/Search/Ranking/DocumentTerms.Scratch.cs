using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Strata.Core.Text;

namespace Strata.Core.Search.Ranking;

public sealed partial class DocumentTerms
{
    /// <summary>Analysed terms shared by all threads, so every document's term is one string with a known hash.</summary>
    private static readonly ConcurrentDictionary<string, TermInfo> SharedTerms = new(StringComparer.Ordinal);

    /// <summary>Terms the shared vocabulary keeps; later new terms get a private <see cref="TermInfo"/> each time.</summary>
    private const int MaxSharedTerms = 262_144;

    // The vocabularies' sizes (ConcurrentDictionary.Count takes every lock).
    private static int s_sharedTermCount;
    private static int s_sharedWordCount;

    /// <summary>Raw words (as the tokenizer normalises them) with their analysed term, shared by all threads.</summary>
    private static readonly ConcurrentDictionary<string, TermInfo> SharedWords = new(StringComparer.Ordinal);

    /// <summary>The gram of each pair of common words met so far (at most the common words squared).</summary>
    private static readonly ConcurrentDictionary<(TermInfo First, TermInfo Second), TermInfo> SharedGrams = new();

    /// <summary>
    /// Per-thread buffers reused from document to document. Each word is looked up once in the process-wide
    /// vocabulary (<see cref="SharedWords"/>: raw word → analysed term, stemmed once), then given its id in the
    /// document through a small per-document table. Per-thread vocabularies were tried and cost more: the pool's
    /// threads each filled their own, and together they no longer fitted in the caches.
    /// </summary>
    private sealed class Scratch
    {
        private readonly Dictionary<TermInfo, int> _ids = [];
        private readonly List<TermInfo> _terms = [];
        private readonly List<(int Term, int Column, int Position)> _occurrences = [];
        private readonly List<int> _columnTokens = [];

        public void Reset()
        {
            _ids.Clear();
            _terms.Clear();
            _occurrences.Clear();
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
                    Occur(Shared(token), column);
                }
            }

            AddGrams(column);
            return _columnTokens.Count;
        }

        /// <summary>Tokenises and analyses raw text as <see cref="SearchTextAnalyzer.ToIndexText"/> does, then its common grams.</summary>
        public int TokenizeRaw(string text, int column)
        {
            var words = SharedWords.GetAlternateLookup<ReadOnlySpan<char>>();
            _columnTokens.Clear();
            Span<char> stem = stackalloc char[PorterStemmer.MaxWordLength];
            Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
            foreach (var token in new TextTokenizer(text, buffer))
            {
                if (!words.TryGetValue(token.Text, out var info))
                {
                    var analysed = SearchTextAnalyzer.Analyse(token, stem);
                    if (analysed.IsEmpty)
                    {
                        continue;
                    }

                    info = Shared(analysed);
                    if (Volatile.Read(ref s_sharedWordCount) < MaxSharedTerms && words.TryAdd(token.Text, info))
                    {
                        Interlocked.Increment(ref s_sharedWordCount);
                    }
                }

                Occur(info, column);
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
                terms[i] = _terms[i].Term;
                hashes[i] = _terms[i].Hash;
            }

            return new DocumentTerms(terms, hashes, counts, positions, length);
        }

        private void Occur(TermInfo info, int column)
        {
            var id = Id(info);
            _occurrences.Add((id, column, _columnTokens.Count));
            _columnTokens.Add(id);
        }

        /// <summary>A gram for each adjacent pair of common words of the column, at the first word's position.</summary>
        private void AddGrams(int column)
        {
            for (var i = 0; i + 1 < _columnTokens.Count; i++)
            {
                var first = _terms[_columnTokens[i]];
                var second = _terms[_columnTokens[i + 1]];
                if (first.Common && second.Common)
                {
                    var gram = SharedGrams.GetOrAdd((first, second), static pair => Shared(CommonGrams.Gram(pair.First.Term, pair.Second.Term)));
                    _occurrences.Add((Id(gram), column, i));
                }
            }
        }

        /// <summary>The term's id in the current document, given on first use.</summary>
        private int Id(TermInfo info)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, info, out var exists);
            if (!exists)
            {
                id = _terms.Count;
                _terms.Add(info);
            }

            return id;
        }
    }

    /// <summary>The process's one <see cref="TermInfo"/> of an analysed term (a private one once the vocabulary is full).</summary>
    private static TermInfo Shared(ReadOnlySpan<char> term)
    {
        var lookup = SharedTerms.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(term, out var info))
        {
            return info;
        }

        info = new TermInfo(term.ToString());
        if (Volatile.Read(ref s_sharedTermCount) >= MaxSharedTerms)
        {
            return info;
        }

        var shared = SharedTerms.GetOrAdd(info.Term, info);
        if (ReferenceEquals(shared, info))
        {
            Interlocked.Increment(ref s_sharedTermCount);
        }

        return shared;
    }

    /// <summary>An analysed term: its string, its hash and whether it is a common word.</summary>
    private sealed class TermInfo(string term)
    {
        public string Term { get; } = term;

        public int Hash { get; } = term.GetHashCode();

        public bool Common { get; } = CommonGrams.IsCommon(term);
    }
}
