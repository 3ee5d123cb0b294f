namespace Strata.Core.Enrich;

/// <summary>
/// Ranks keyword candidates by TF-IDF against the corpus: a word or bigram weighs its count times its IDF; a phrase
/// or merged CJK word its count times the mean IDF of its parts, boosted by length (a repeated phrase says more
/// than its words). A candidate inside an already chosen one, and not much more frequent on its own, is skipped.
/// </summary>
public static class KeywordRanker
{
    public const int DefaultCount = 10;

    private const double LengthBoost = 1.0;

    /// <summary>A word inside a chosen phrase is still listed when it occurs this many times more than the phrase.</summary>
    private const double OwnUseRatio = 1.5;

    /// <summary>The best this many times the wanted count are sorted first; all are only when overlaps skip that many.</summary>
    private const int Shortlist = 4;

    /// <summary>Best weight first; equal weights in ordinal key order (keys are unique, so this orders every candidate).</summary>
    private static readonly Comparison<(KeywordCandidates.Candidate Candidate, double Weight)> BestFirst =
        (a, b) => b.Weight.CompareTo(a.Weight) is var order and not 0 ? order : string.CompareOrdinal(a.Candidate.Key, b.Candidate.Key);

    public static IReadOnlyList<Keyword> Rank(KeywordCandidates candidates, Func<string, double> inverseDocumentFrequency, int count = DefaultCount) =>
        RankByTermIndex(candidates, term => inverseDocumentFrequency(candidates.TermAt(term)), count);

    /// <summary>Ranks with the IDF of each term given by its index (see <see cref="KeywordCandidates.Terms"/>); asked once per term.</summary>
    internal static IReadOnlyList<Keyword> RankByTermIndex(KeywordCandidates candidates, Func<int, double> inverseDocumentFrequency, int count = DefaultCount)
    {
        var idfs = new double[candidates.TermCount];
        var known = new bool[idfs.Length];
        var scored = new List<(KeywordCandidates.Candidate Candidate, double Weight)>();
        foreach (var candidate in candidates.All)
        {
            var multiple = candidate.PartCount > 1;
            if (candidate.Count == 0 || (multiple && candidate.Count < KeywordCandidates.MinRepeats))
            {
                continue;
            }

            var idf = 0.0;
            if (candidate.PartTerms is { } parts)
            {
                foreach (var part in parts)
                {
                    idf += Idf(part);
                }
            }
            else
            {
                idf += Idf(candidate.TermIndex);
            }

            idf /= candidate.PartCount;
            scored.Add((candidate, candidate.Count * idf * (1 + (LengthBoost * (candidate.PartCount - 1)))));
        }

        var chosen = new List<(KeywordCandidates.Candidate Candidate, double Weight)>(count);
        var shortlist = Best(scored, Math.Max(count, 1) * Shortlist);
        Choose(shortlist, chosen, count);
        if (chosen.Count < count && shortlist.Count < scored.Count)
        {
            // Overlaps skipped too many of the shortlist: choose again over every candidate, in the same order.
            chosen.Clear();
            scored.Sort(BestFirst);
            Choose(scored, chosen, count);
        }

        return chosen.Select(entry => new Keyword(candidates.SurfaceOf(entry.Candidate), Math.Round(entry.Weight, 4))).ToArray();

        double Idf(int term)
        {
            if (!known[term])
            {
                idfs[term] = inverseDocumentFrequency(term);
                known[term] = true;
            }

            return idfs[term];
        }
    }

    /// <summary>The <paramref name="size"/> best entries, best first: a bounded heap instead of sorting them all.</summary>
    private static List<(KeywordCandidates.Candidate Candidate, double Weight)> Best(List<(KeywordCandidates.Candidate Candidate, double Weight)> scored, int size)
    {
        if (scored.Count <= size)
        {
            var all = new List<(KeywordCandidates.Candidate Candidate, double Weight)>(scored);
            all.Sort(BestFirst);
            return all;
        }

        // The heap's root is the worst entry kept: a newcomer replaces it when it is better.
        var heap = new PriorityQueue<(KeywordCandidates.Candidate Candidate, double Weight), (KeywordCandidates.Candidate Candidate, double Weight)>(
            size, Comparer<(KeywordCandidates.Candidate Candidate, double Weight)>.Create((a, b) => BestFirst(b, a)));
        foreach (var entry in scored)
        {
            if (heap.Count < size)
            {
                heap.Enqueue(entry, entry);
            }
            else if (BestFirst(entry, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(entry, entry);
            }
        }

        var best = new List<(KeywordCandidates.Candidate Candidate, double Weight)>(heap.Count);
        while (heap.Count > 0)
        {
            best.Add(heap.Dequeue());
        }

        best.Reverse();
        return best;
    }

    private static void Choose(List<(KeywordCandidates.Candidate Candidate, double Weight)> ordered, List<(KeywordCandidates.Candidate Candidate, double Weight)> chosen, int count)
    {
        foreach (var entry in ordered)
        {
            if (chosen.Count == count)
            {
                break;
            }

            if (!chosen.Any(other => Overlaps(entry.Candidate, other.Candidate)))
            {
                chosen.Add(entry);
            }
        }
    }

    /// <summary>Whether <paramref name="candidate"/> repeats <paramref name="chosen"/> or is a part of it that adds little on its own.</summary>
    private static bool Overlaps(KeywordCandidates.Candidate candidate, KeywordCandidates.Candidate chosen)
    {
        if (candidate.Key == chosen.Key)
        {
            return true;
        }

        var (inner, outer) = candidate.Key.Length < chosen.Key.Length ? (candidate, chosen) : (chosen, candidate);
        if (!Contains(outer, inner))
        {
            return false;
        }

        // A phrase after its word is welcome (it says more); a word after its phrase only when it has a life of its own.
        return inner == candidate && inner.Count <= OwnUseRatio * outer.Count;
    }

    private static bool Contains(KeywordCandidates.Candidate outer, KeywordCandidates.Candidate inner)
    {
        // Words compare as whole words; CJK keys (no spaces) as characters.
        var spaced = outer.Key.Contains(' ', StringComparison.Ordinal) || inner.Key.Contains(' ', StringComparison.Ordinal);
        return spaced
            ? $" {outer.Key} ".Contains($" {inner.Key} ", StringComparison.Ordinal)
            : outer.Key.Contains(inner.Key, StringComparison.Ordinal);
    }
}
