namespace Strata.Core.Search;

/// <summary>
/// Reciprocal-rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each list contributes 1 / (k + rank) for
/// every key it ranks (rank from 1), and keys are ordered by the sum. Only ranks matter, so BM25 scores and
/// cosine similarities need no calibration against each other. k = 60 as in the paper.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    /// <summary>Fused keys, best first, with their fused scores; ties keep the order of first appearance.</summary>
    public static IReadOnlyList<(string Key, double Score)> Fuse(IReadOnlyList<IReadOnlyList<string>> rankings, int k = DefaultK)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var key = ranking[rank];
                scores[key] = scores.GetValueOrDefault(key) + (1.0 / (k + rank + 1));
                firstSeen.TryAdd(key, firstSeen.Count);
            }
        }

        return scores.OrderByDescending(pair => pair.Value).ThenBy(pair => firstSeen[pair.Key])
            .Select(pair => (pair.Key, pair.Value)).ToArray();
    }
}
