using System.Runtime.InteropServices;

namespace Strata.Core.Enrich;

/// <summary>
/// The distinct terms of each sentence of a document (ids ascending, with their counts) over one vocabulary, as
/// <see cref="TermVectorizer.Count"/> gives them, but in three flat arrays instead of a dictionary per sentence.
/// </summary>
internal sealed class SentenceTerms
{
    /// <summary>Vocabularies larger than this are not kept for the thread's next document (they would hold on to their memory).</summary>
    private const int MaxReusedVocabulary = 1 << 14;

    /// <summary>The vocabulary and lists of the last document this thread counted, emptied: growing new ones per document was half its allocations.</summary>
    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly int[] _starts;
    private readonly int[] _ids;
    private readonly int[] _counts;

    private SentenceTerms(int[] starts, int[] ids, int[] counts, int vocabularySize)
    {
        _starts = starts;
        _ids = ids;
        _counts = counts;
        VocabularySize = vocabularySize;
    }

    public int Sentences => _starts.Length - 1;

    public int VocabularySize { get; }

    public static SentenceTerms Count(string text, ReadOnlySpan<SentenceSpan> sentences)
    {
        // The thread's scratch space from its last document, if it was not too large to keep.
        var scratch = _scratch ?? new Scratch();
        _scratch = null;
        var (vectorizer, occurrences, ids, counts) = (scratch.Vectorizer, scratch.Occurrences, scratch.Ids, scratch.Counts);
        var starts = new int[sentences.Length + 1];
        for (var s = 0; s < sentences.Length; s++)
        {
            occurrences.Clear();
            vectorizer.AddOccurrences(text.AsSpan(sentences[s].Start, sentences[s].Length), occurrences);
            var sorted = CollectionsMarshal.AsSpan(occurrences);
            sorted.Sort();
            for (var i = 0; i < sorted.Length;)
            {
                var run = i + 1;
                while (run < sorted.Length && sorted[run] == sorted[i])
                {
                    run++;
                }

                ids.Add(sorted[i]);
                counts.Add(run - i);
                i = run;
            }

            starts[s + 1] = ids.Count;
        }

        var terms = new SentenceTerms(starts, [.. ids], [.. counts], vectorizer.VocabularySize);
        if (vectorizer.VocabularySize <= MaxReusedVocabulary && ids.Count <= MaxReusedVocabulary * 4)
        {
            vectorizer.Clear();
            occurrences.Clear();
            ids.Clear();
            counts.Clear();
            _scratch = scratch;
        }

        return terms;
    }

    /// <summary>How many distinct terms sentence <paramref name="sentence"/> has.</summary>
    public int DistinctTerms(int sentence) => _starts[sentence + 1] - _starts[sentence];

    /// <summary>Per term id: ln(1 + sentences / sentences holding the term).</summary>
    public double[] InverseSentenceFrequencies()
    {
        var frequency = new int[VocabularySize];
        foreach (var id in _ids)
        {
            frequency[id]++;
        }

        var idf = new double[VocabularySize];
        for (var id = 0; id < idf.Length; id++)
        {
            idf[id] = Math.Log(1 + ((double)Sentences / Math.Max(1, frequency[id])));
        }

        return idf;
    }

    /// <summary>The sentence's TF-IDF vector, as <see cref="SparseVector.From"/> makes it from its counts.</summary>
    public SparseVector Vector(int sentence, double[] idf)
    {
        var start = _starts[sentence];
        var length = _starts[sentence + 1] - start;
        return SparseVector.FromSorted(_ids.AsSpan(start, length), _counts.AsSpan(start, length), idf);
    }

    private sealed class Scratch
    {
        public TermVectorizer Vectorizer { get; } = new();

        public List<int> Occurrences { get; } = [];

        public List<int> Ids { get; } = [];

        public List<int> Counts { get; } = [];
    }
}
