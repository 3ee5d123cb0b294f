namespace Strata.Core.Search.Evaluation;

/// <summary>
/// Ranking metrics exactly as BEIR computes them with pytrec_eval (trec_eval's <c>ndcg_cut</c> and
/// <c>recall</c>) plus BEIR's own MRR@k:
/// <list type="bullet">
/// <item>nDCG@k = DCG@k / IDCG@k with DCG@k = Σ_{i=1..k} rel_i / log2(i + 1), using the graded relevance as gain
/// (linear, not 2^rel − 1); IDCG@k is the DCG of the judged documents sorted by relevance. Documents with
/// relevance ≤ 0 gain nothing. A query with no relevant documents scores 0.</item>
/// <item>Recall@k = |relevant ∩ top k| / |relevant|, relevant meaning relevance &gt; 0.</item>
/// <item>MRR@k = 1 / rank of the first relevant document within the top k, else 0.</item>
/// </list>
/// Each is averaged over the queries that have judgements. Rankings are taken in the order given; like
/// trec_eval, callers break score ties by document id descending (see <see cref="Rank"/>).
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class RetrievalMetrics
{
    public static double NdcgAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int k)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (judgements.TryGetValue(ranking[i], out var relevance) && relevance > 0)
            {
                dcg += relevance / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        var position = 0;
        foreach (var relevance in judgements.Values.Where(value => value > 0).OrderByDescending(value => value).Take(k))
        {
            ideal += relevance / Math.Log2(position + 2);
            position++;
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double RecallAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int k)
    {
        var relevant = judgements.Count(pair => pair.Value > 0);
        if (relevant == 0)
        {
            return 0;
        }

        var found = ranking.Take(k).Count(id => judgements.TryGetValue(id, out var relevance) && relevance > 0);
        return (double)found / relevant;
    }

    public static double MrrAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgements, int k)
    {
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (judgements.TryGetValue(ranking[i], out var relevance) && relevance > 0)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>Orders scored documents as trec_eval does: score descending, ties by document id descending.</summary>
    public static IReadOnlyList<string> Rank(IEnumerable<(string Id, double Score)> scored) =>
        scored.OrderByDescending(pair => pair.Score).ThenByDescending(pair => pair.Id, StringComparer.Ordinal).Select(pair => pair.Id).ToArray();
}
