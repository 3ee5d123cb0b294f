using System.Runtime.InteropServices;
using Strata.Core.Text;

namespace Strata.Core.Enrich;

/// <summary>
/// The keyword candidates of one text: words and CJK bigrams (the corpus counts these), phrases of up to three
/// words that no stop word or punctuation interrupts (YAKE-style), and CJK words rebuilt from bigrams that
/// consistently occur together (<c>知识</c> + <c>识库</c> → <c>知识库</c>). Not thread-safe: one per text.
/// </summary>
public sealed class KeywordCandidates
{
    private const int MaxPhraseWords = 3;

    /// <summary>Adjacent bigrams merge into a longer word when they occur together at least this share of the time.</summary>
    private const double MergeRatio = 0.75;

    /// <summary>A phrase or merged word must occur at least this often: once is chance.</summary>
    public const int MinRepeats = 2;

    /// <summary>Characters of text per distinct term, roughly (1,700-word texts have ~700): sizes the tables once instead of growing them.</summary>
    private const int CharactersPerTerm = 16;

    private readonly string _text;
    private readonly Dictionary<string, Candidate> _terms;

    /// <summary>The same terms by index, in the order they were first seen (the order of <see cref="Terms"/>).</summary>
    private readonly List<Candidate> _termList;

    /// <summary>A scan's phrase table larger than this is not kept for the thread's next text (it would hold on to its memory).</summary>
    private const int MaxReusedPhrases = 1 << 14;

    /// <summary>
    /// The phrase table of the last text this thread scanned, emptied: most phrases occur once, and a new table per
    /// text (grown step by step) was most of the bytes a text's keywords allocated.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<(int, int, int), PhraseCount>? _reusablePhrases;

    /// <summary>Phrases seen at least <see cref="MinRepeats"/> times, in the order they were first seen.</summary>
    private readonly List<Candidate> _phrases = [];
    private readonly List<Candidate> _merged = [];
    private readonly List<List<(string Bigram, int Start)>> _cjkRuns = [];

    private KeywordCandidates(string text)
    {
        _text = text;
        var expected = Math.Min(text.Length / CharactersPerTerm, 1 << 16);
        _terms = new Dictionary<string, Candidate>(expected, StringComparer.Ordinal);
        _termList = new List<Candidate>(expected);
    }

    /// <summary>Words and CJK bigrams of the text (each once): what the corpus document frequencies count.</summary>
    public IEnumerable<string> Terms => _termList.Select(term => term.Key);

    /// <summary>Every candidate: words, bigrams (seen at least twice: once is too often a cross-word pair), phrases and merged CJK words.</summary>
    public IEnumerable<Candidate> All => _termList.Where(term => !term.IsCjk || term.Count >= MinRepeats)
        .Concat(_phrases)
        .Concat(_merged);

    /// <summary>How often a single term occurs in the text (0 when it does not).</summary>
    public int CountOf(string term) => _terms.TryGetValue(term, out var candidate) ? candidate.Count : 0;

    /// <summary>How many distinct words and CJK bigrams there are (term indexes run from 0 to this, in <see cref="Terms"/> order).</summary>
    internal int TermCount => _termList.Count;

    /// <summary>The word or bigram with index <paramref name="index"/>.</summary>
    internal string TermAt(int index) => _termList[index].Key;

    public static KeywordCandidates Collect(string text)
    {
        var candidates = new KeywordCandidates(text);
        candidates.Scan();
        candidates.MergeCjk();
        return candidates;
    }

    /// <summary>The candidate as written at its chosen occurrence, whitespace collapsed.</summary>
    public string SurfaceOf(Candidate candidate) =>
        string.Join(' ', _text.AsSpan(candidate.Start, candidate.Length).ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private void Scan()
    {
        var lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> window = stackalloc int[MaxPhraseWords];
        Span<int> starts = stackalloc int[MaxPhraseWords];
        Span<bool> initials = stackalloc bool[MaxPhraseWords];
        // Phrases by the indexes of their two or three words (-1 for no third): cheaper keys than the words themselves.
        var phrases = _reusablePhrases ?? [];
        _reusablePhrases = null;
        var inWindow = 0;
        var previousEnd = 0;
        List<(string, int)>? run = null;
        foreach (var token in new TextTokenizer(_text))
        {
            // CJK bigrams overlap: the next one starts inside the previous, with no gap.
            var gap = token.Start > previousEnd ? _text.AsSpan(previousEnd, token.Start - previousEnd) : [];
            var boundary = previousEnd == 0 || IsBoundary(gap);
            previousEnd = Math.Max(previousEnd, token.End);
            if (token.Kind == TextTokenKind.Cjk)
            {
                inWindow = 0;
                if (token.IsRunTail || token.Text.Length < 2 || KeywordStopWords.IsStopBigram(token.Text))
                {
                    run = null;
                    continue;
                }

                if (gap.Length > 0)
                {
                    run = null;
                }

                var bigram = Count(lookup, token.Text, token.Start, token.Length, boundary).Key;
                if (run is null)
                {
                    run = [];
                    _cjkRuns.Add(run);
                }

                run.Add((bigram, token.Start));
                continue;
            }

            run = null;
            if (boundary || IsInsideAddress(gap))
            {
                inWindow = 0;
            }

            if (KeywordStopWords.IsStopWord(token.Text) || IsInsideAddress(gap))
            {
                inWindow = 0;
                continue;
            }

            var initial = boundary && inWindow == 0;
            var word = Count(lookup, token.Text, token.Start, token.Length, initial).TermIndex;
            if (inWindow == MaxPhraseWords)
            {
                for (var i = 1; i < MaxPhraseWords; i++)
                {
                    window[i - 1] = window[i];
                    starts[i - 1] = starts[i];
                    initials[i - 1] = initials[i];
                }

                inWindow--;
            }

            window[inWindow] = word;
            starts[inWindow] = token.Start;
            initials[inWindow] = initial;
            inWindow++;
            for (var length = 2; length <= inWindow; length++)
            {
                var first = inWindow - length;
                var key = (window[first], window[first + 1], length == 3 ? window[first + 2] : -1);
                ref var phrase = ref CollectionsMarshal.GetValueRefOrAddDefault(phrases, key, out _);
                phrase.Seen(starts[first], token.End - starts[first], initials[first]);
            }
        }

        foreach (var (key, phrase) in phrases)
        {
            if (phrase.Count >= MinRepeats)
            {
                _phrases.Add(phrase.ToCandidate(key, _termList));
            }
        }

        if (phrases.Count <= MaxReusedPhrases)
        {
            phrases.Clear();
            _reusablePhrases = phrases;
        }
    }

    private Candidate Count(Dictionary<string, Candidate>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> term, int start, int length, bool initial)
    {
        if (lookup.TryGetValue(term, out var candidate))
        {
            candidate.Seen(start, length, initial);
            return candidate;
        }

        var text = term.ToString();
        candidate = new Candidate(text, _termList.Count, start, length, initial);
        _terms[text] = candidate;
        _termList.Add(candidate);
        return candidate;
    }

    /// <summary>Rebuilds CJK words of three and four characters from runs of overlapping bigrams.</summary>
    private void MergeCjk()
    {
        var trigrams = new Dictionary<(string, string, string?), Candidate>();
        var fourgrams = new Dictionary<(string, string, string?), Candidate>();
        foreach (var run in _cjkRuns)
        {
            for (var i = 0; i + 1 < run.Count; i++)
            {
                Tally(trigrams, (run[i].Bigram, run[i + 1].Bigram, null), run[i].Start, run[i + 1].Start + run[i + 1].Bigram.Length - run[i].Start);
                if (i + 2 < run.Count)
                {
                    Tally(fourgrams, (run[i].Bigram, run[i + 1].Bigram, run[i + 2].Bigram), run[i].Start, run[i + 2].Start + run[i + 2].Bigram.Length - run[i].Start);
                }
            }
        }

        var merged = new List<(Candidate Word, string[] Parts)>();
        foreach (var (key, trigram) in trigrams)
        {
            if (Consistent(trigram.Count, CountOf(key.Item1), CountOf(key.Item2)))
            {
                merged.Add((trigram, [key.Item1, key.Item2]));
            }
        }

        foreach (var (key, fourgram) in fourgrams)
        {
            var left = trigrams[(key.Item1, key.Item2, null)].Count;
            var right = trigrams[(key.Item2, key.Item3!, null)].Count;
            if (Consistent(fourgram.Count, left, right))
            {
                merged.Add((fourgram, [key.Item1, key.Item2, key.Item3!]));
                trigrams[(key.Item1, key.Item2, null)].Subtract(fourgram.Count);
                trigrams[(key.Item2, key.Item3!, null)].Subtract(fourgram.Count);
            }
        }

        foreach (var (word, parts) in merged)
        {
            foreach (var part in parts)
            {
                _terms[part].Subtract(word.Count);
            }

            _merged.Add(word);
        }
    }

    private static bool Consistent(int together, int first, int second) =>
        together >= MinRepeats && together >= MergeRatio * Math.Min(first, second);

    private void Tally(Dictionary<(string, string, string?), Candidate> counts, (string, string, string?) key, int start, int length)
    {
        if (counts.TryGetValue(key, out var candidate))
        {
            candidate.Seen(start, length, initial: false);
            return;
        }

        string[] parts = key.Item3 is null ? [key.Item1, key.Item2] : [key.Item1, key.Item2, key.Item3];
        counts[key] = new Candidate(_text.Substring(start, length), parts, Array.ConvertAll(parts, part => _terms[part].TermIndex), start, length, initial: false);
    }

    /// <summary>Sentence and clause punctuation and line breaks end a phrase; spaces, hyphens and quotes do not.</summary>
    private static bool IsBoundary(ReadOnlySpan<char> gap)
    {
        foreach (var character in gap)
        {
            if (character is '.' or ',' or ';' or ':' or '!' or '?' or '\n' or '(' or ')' or '[' or ']' or '|' or '"' or '#' or '*' or '>' or '<' or '=' or '/'
                or '。' or '，' or '；' or '：' or '！' or '？' or '、' or '（' or '）' or '「' or '」' or '《' or '》')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parts of URLs, hosts and e-mail addresses (right after <c>/ . @ = &amp; ?</c>) are never keywords.</summary>
    private static bool IsInsideAddress(ReadOnlySpan<char> gap) =>
        gap.Length > 0 && gap[^1] is '/' or '.' or '@' or '=' or '&' or '?' or '_' or '%' or '~' or '+';

    /// <summary>One candidate: its normalised key, the terms it is made of, how often it occurs and where it is written.</summary>
    /// <summary>How often a phrase occurs and where it is best written: a struct, as most phrases occur once.</summary>
    private struct PhraseCount
    {
        private int _start;
        private int _length;
        private bool _initial;

        public int Count { get; private set; }

        public void Seen(int start, int length, bool initial)
        {
            if (Count == 0 || (_initial && !initial))
            {
                (_start, _length, _initial) = (start, length, initial);
            }

            Count++;
        }

        public readonly Candidate ToCandidate((int, int, int) words, List<Candidate> terms) => words.Item3 < 0
            ? new(null, [terms[words.Item1].Key, terms[words.Item2].Key], [words.Item1, words.Item2], _start, _length, _initial, Count)
            : new(null, [terms[words.Item1].Key, terms[words.Item2].Key, terms[words.Item3].Key], [words.Item1, words.Item2, words.Item3], _start, _length, _initial, Count);
    }

    public sealed class Candidate
    {
        private string? _key;
        private IReadOnlyList<string>? _parts;

        /// <summary>A word or bigram: its own single part, term <paramref name="termIndex"/> of the text.</summary>
        internal Candidate(string key, int termIndex, int start, int length, bool initial, int count = 1)
            : this(key, null, null, start, length, initial, count) => TermIndex = termIndex;

        /// <summary>A phrase or merged word (<paramref name="key"/> null: its parts joined by spaces) made of terms <paramref name="partTerms"/>.</summary>
        internal Candidate(string? key, IReadOnlyList<string>? parts, int[]? partTerms, int start, int length, bool initial, int count = 1)
        {
            _key = key;
            _parts = parts;
            PartTerms = partTerms;
            Start = start;
            Length = length;
            Initial = initial;
            Count = count;
        }

        /// <summary>The normalised text: the words joined by spaces, or the CJK characters.</summary>
        public string Key => _key ??= string.Join(' ', Parts);

        /// <summary>The words or bigrams the candidate is made of (itself for a single term).</summary>
        public IReadOnlyList<string> Parts => _parts ??= [Key];

        /// <summary>How many words or bigrams the candidate is made of.</summary>
        internal int PartCount => PartTerms?.Length ?? 1;

        /// <summary>The term indexes of <see cref="Parts"/>, in the same order; null for a single word or bigram (see <see cref="TermIndex"/>).</summary>
        internal int[]? PartTerms { get; }

        /// <summary>The index of a single word or bigram among the text's terms (-1 for phrases and merged words).</summary>
        internal int TermIndex { get; } = -1;

        public int Count { get; private set; }

        /// <summary>A CJK bigram (its key has no letters of an alphabet).</summary>
        public bool IsCjk => PartCount == 1 && Key.Length == 2 && CharClasses.IsCjk(Key[0]);

        public int Start { get; private set; }

        public int Length { get; private set; }

        private bool Initial { get; set; }

        public void Seen(int start, int length, bool initial)
        {
            Count++;

            // Prefer an occurrence inside a sentence: a sentence's first word is capitalised whatever it is.
            if (Initial && !initial)
            {
                (Start, Length, Initial) = (start, length, false);
            }
        }

        public void Subtract(int count) => Count = Math.Max(0, Count - count);
    }
}
