namespace Strata.Semantic.Vectors;

/// <summary>
/// Keeps the <c>k</c> best-scoring rows seen so far (a min-heap on score). Equal scores are broken by row, the
/// lower row ranking higher, so the kept rows and their order do not depend on the order rows were offered in
/// (one thread or several, int8 candidates or a float32 scan).
/// </summary>
internal sealed class TopK(int k)
{
    private readonly PriorityQueue<int, (float Score, int Row)> _heap = new(k + 1, WorstFirst.Instance);

    public float Threshold => _heap.Count < k ? float.NegativeInfinity : _heap.TryPeek(out _, out var worst) ? worst.Score : float.NegativeInfinity;

    public void Offer(int row, float score)
    {
        if (_heap.Count < k)
        {
            _heap.Enqueue(row, (score, row));
        }
        else if (_heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, row), worst) > 0)
        {
            _heap.EnqueueDequeue(row, (score, row));
        }
    }

    /// <summary>The kept rows, best first.</summary>
    public VectorHit[] ToArray()
    {
        var hits = new VectorHit[_heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            _heap.TryDequeue(out var row, out var priority);
            hits[i] = new VectorHit(row, priority.Score);
        }

        return hits;
    }

    /// <summary>Lower score first; among equal scores the higher row first (it is dropped before the lower).</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Row)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Row) x, (float Score, int Row) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Row.CompareTo(x.Row);
        }
    }
}
