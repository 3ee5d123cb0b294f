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

    public static IReadOnlyList<Keyword> Rank(KeywordCandidates candidates, Func<string, double> inverseDocumentFrequency, int count = DefaultCount)
    {
        var scored = new List<(KeywordCandidates.Candidate Candidate, double Weight)>();
        foreach (var candidate in candidates.All)
        {
            var multiple = candidate.Parts.Count > 1;
            if (candidate.Count == 0 || (multiple && candidate.Count < KeywordCandidates.MinRepeats))
            {
                continue;
            }

            var idf = 0.0;
            foreach (var part in candidate.Parts)
            {
                idf += inverseDocumentFrequency(part);
            }

            idf /= candidate.Parts.Count;
            scored.Add((candidate, candidate.Count * idf * (1 + (LengthBoost * (candidate.Parts.Count - 1)))));
        }

        scored.Sort((a, b) => b.Weight.CompareTo(a.Weight) is var order and not 0 ? order : string.CompareOrdinal(a.Candidate.Key, b.Candidate.Key));
        var chosen = new List<(KeywordCandidates.Candidate Candidate, double Weight)>(count);
        foreach (var entry in scored)
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

        return chosen.Select(entry => new Keyword(candidates.SurfaceOf(entry.Candidate), Math.Round(entry.Weight, 4))).ToArray();
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
