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

    /// <summary>
    /// Per-thread buffers reused from document to document, and a bounded per-thread vocabulary: each raw word and
    /// each analysed term maps to one <see cref="TermSlot"/> holding the analysed term (one string shared by every
    /// document of the thread) and the document's local id, so a word costs one lookup instead of a stem-cache
    /// lookup, a per-document lookup and a fresh string per distinct term.
    /// </summary>
    private sealed class Scratch
    {
        /// <summary>Slots kept between documents; past it the vocabulary starts over (the global stem cache remains).</summary>
        private const int MaxVocabulary = 65_536;

        private readonly Dictionary<string, TermSlot> _byWord = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TermSlot> _byTerm = new(StringComparer.Ordinal);
        private readonly List<TermSlot> _slots = [];
        private readonly List<(int Term, int Column, int Position)> _occurrences = [];
        private readonly List<int> _columnTokens = [];
        private int _document;

        public void Reset()
        {
            if (_byWord.Count + _byTerm.Count > MaxVocabulary)
            {
                _byWord.Clear();
                _byTerm.Clear();
            }

            _document++;
            _slots.Clear();
            _occurrences.Clear();
        }

        /// <summary>Reads analysed text (space-separated terms), then its common grams; returns the token count.</summary>
        public int TokenizeAnalysed(string text, int column)
        {
            var terms = _byTerm.GetAlternateLookup<ReadOnlySpan<char>>();
            _columnTokens.Clear();
            foreach (var range in text.AsSpan().Split(' '))
            {
                var token = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
                if (!token.IsEmpty)
                {
                    Occur(SlotOfTerm(terms, token), column);
                }
            }

            AddGrams(terms, column);
            return _columnTokens.Count;
        }

        /// <summary>Tokenises and analyses raw text as <see cref="SearchTextAnalyzer.ToIndexText"/> does, then its common grams.</summary>
        public int TokenizeRaw(string text, int column)
        {
            var terms = _byTerm.GetAlternateLookup<ReadOnlySpan<char>>();
            var words = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
            _columnTokens.Clear();
            Span<char> stem = stackalloc char[PorterStemmer.MaxWordLength];
            Span<char> buffer = stackalloc char[TextTokenizer.MaxWordLength];
            foreach (var token in new TextTokenizer(text, buffer))
            {
                if (!words.TryGetValue(token.Text, out var slot))
                {
                    var analysed = SearchTextAnalyzer.Analyse(token, stem);
                    if (analysed.IsEmpty)
                    {
                        continue;
                    }

                    slot = SlotOfTerm(terms, analysed);
                    words[token.Text] = slot;
                }

                Occur(slot, column);
            }

            AddGrams(terms, column);
            return _columnTokens.Count;
        }

        /// <summary>Counts each term's occurrences per column and lays its positions out as title, body, tags groups.</summary>
        public DocumentTerms Collect(int length)
        {
            var counts = new int[_slots.Count * Columns];
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

            var terms = new string[_slots.Count];
            var hashes = new int[_slots.Count];
            for (var i = 0; i < terms.Length; i++)
            {
                terms[i] = _slots[i].Info.Term;
                hashes[i] = _slots[i].Info.Hash;
            }

            return new DocumentTerms(terms, hashes, counts, positions, length);
        }

        private void Occur(TermSlot slot, int column)
        {
            var id = Id(slot);
            _occurrences.Add((id, column, _columnTokens.Count));
            _columnTokens.Add(id);
        }

        /// <summary>A gram for each adjacent pair of common words of the column, at the first word's position.</summary>
        private void AddGrams(Dictionary<string, TermSlot>.AlternateLookup<ReadOnlySpan<char>> terms, int column)
        {
            Span<char> gram = stackalloc char[128];
            for (var i = 0; i + 1 < _columnTokens.Count; i++)
            {
                var first = _slots[_columnTokens[i]].Info;
                var second = _slots[_columnTokens[i + 1]].Info;
                if (!first.Common || !second.Common)
                {
                    continue;
                }

                var length = first.Term.Length + 1 + second.Term.Length;
                var joined = length <= gram.Length ? gram[..length] : new char[length];
                first.Term.CopyTo(joined);
                joined[first.Term.Length] = CommonGrams.Joiner;
                second.Term.CopyTo(joined[(first.Term.Length + 1)..]);
                _occurrences.Add((Id(SlotOfTerm(terms, joined)), column, i));
            }
        }

        private TermSlot SlotOfTerm(Dictionary<string, TermSlot>.AlternateLookup<ReadOnlySpan<char>> terms, ReadOnlySpan<char> term)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(terms, term, out var exists);
            if (!exists)
            {
                slot = new TermSlot(Shared(term));
            }

            return slot!;
        }

        /// <summary>The slot's id in the current document, given on first use.</summary>
        private int Id(TermSlot slot)
        {
            if (slot.Document != _document)
            {
                slot.Document = _document;
                slot.Id = _slots.Count;
                _slots.Add(slot);
            }

            return slot.Id;
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
        return SharedTerms.Count < MaxSharedTerms ? SharedTerms.GetOrAdd(info.Term, info) : info;
    }

    /// <summary>An analysed term: its string, its hash and whether it is a common word.</summary>
    private sealed class TermInfo(string term)
    {
        public string Term { get; } = term;

        public int Hash { get; } = term.GetHashCode();

        public bool Common { get; } = CommonGrams.IsCommon(term);
    }

    /// <summary>A term of a thread's vocabulary, with its id in the document being read.</summary>
    private sealed class TermSlot(TermInfo info)
    {
        public TermInfo Info { get; } = info;

        public int Document { get; set; }

        public int Id { get; set; }
    }
}
