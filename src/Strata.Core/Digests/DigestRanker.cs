using Strata.Core.Enrich;

namespace Strata.Core.Digests;

/// <summary>
/// Ranks a digest's items for "top stories". Novelty is 1 minus the highest TF-IDF cosine similarity between the
/// item (title and summary) and any item shown in earlier digests; interest is how strongly the item's tags (and
/// their parents: <c>ai/llm</c> also counts <c>ai</c>) appear among items the user favoured or read, scaled to 0–1.
/// Score = <see cref="NoveltyWeight"/> × novelty + (1 − <see cref="NoveltyWeight"/>) × interest. Near-duplicates of
/// earlier digests (novelty below <see cref="MinNovelty"/>) and of stories already chosen are never top stories.
/// Pure and thread-safe.
/// </summary>
public static class DigestRanker
{
    public const double NoveltyWeight = 0.6;
    public const double MinNovelty = 0.25;

    /// <summary>Two stories at least this similar are one story told twice.</summary>
    public const double SameStory = 0.6;

    /// <summary>Scores every candidate (same order as given).</summary>
    public static IReadOnlyList<(double Novelty, double Interest, double Score)> Score(
        IReadOnlyList<DigestCandidate> candidates, IReadOnlyList<string> earlierTexts, IReadOnlyDictionary<string, double> interestTags, out IReadOnlyList<SparseVector> vectors)
    {
        var vectorizer = new TermVectorizer();
        var candidateCounts = candidates.Select(c => vectorizer.Count(TextOf(c))).ToArray();
        var earlierCounts = earlierTexts.Select(text => vectorizer.Count(text)).ToArray();
        var documentFrequency = new int[vectorizer.VocabularySize];
        foreach (var counts in candidateCounts.Concat(earlierCounts))
        {
            foreach (var id in counts.Keys)
            {
                documentFrequency[id]++;
            }
        }

        var total = candidateCounts.Length + earlierCounts.Length;
        var idf = documentFrequency.Select(df => Math.Log(1 + ((double)total / Math.Max(1, df)))).ToArray();
        var candidateVectors = candidateCounts.Select(counts => SparseVector.From(counts, idf)).ToArray();
        var earlierVectors = earlierCounts.Select(counts => SparseVector.From(counts, idf)).ToArray();
        vectors = candidateVectors;

        var maxInterest = interestTags.Count == 0 ? 0 : interestTags.Values.Max();
        return candidates.Select((candidate, index) =>
        {
            var similarity = earlierVectors.Length == 0 ? 0 : earlierVectors.Max(earlier => candidateVectors[index].Cosine(earlier));
            var novelty = Math.Clamp(1 - similarity, 0, 1);
            var interest = maxInterest <= 0 ? 0 : Math.Min(1, InterestOf(candidate.Item.Tags, interestTags) / maxInterest);
            return (novelty, interest, (NoveltyWeight * novelty) + ((1 - NoveltyWeight) * interest));
        }).ToArray();
    }

    /// <summary>Indexes of the top stories, best first.</summary>
    public static IReadOnlyList<int> TopStories(IReadOnlyList<(double Novelty, double Interest, double Score)> scores, IReadOnlyList<SparseVector> vectors, int count)
    {
        var chosen = new List<int>();
        foreach (var index in Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i].Score).ThenBy(i => i))
        {
            if (chosen.Count >= count)
            {
                break;
            }

            if (scores[index].Novelty < MinNovelty || chosen.Any(other => vectors[index].Cosine(vectors[other]) >= SameStory))
            {
                continue;
            }

            chosen.Add(index);
        }

        return chosen;
    }

    private static string TextOf(DigestCandidate candidate) => candidate.Item.DisplayTitle + " " + (candidate.Summary ?? string.Empty);

    private static double InterestOf(IReadOnlyList<string> tags, IReadOnlyDictionary<string, double> interestTags)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var parts = tag.Split('/');
            for (var depth = 1; depth <= parts.Length; depth++)
            {
                names.Add(string.Join('/', parts.Take(depth)));
            }
        }

        return names.Sum(name => interestTags.GetValueOrDefault(name));
    }
}
