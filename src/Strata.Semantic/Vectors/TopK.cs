namespace Strata.Semantic.Vectors;

/// <summary>Keeps the <c>k</c> best-scoring rows seen so far (a min-heap on score).</summary>
internal sealed class TopK(int k)
{
    private readonly PriorityQueue<int, float> _heap = new(k + 1);

    public float Threshold => _heap.Count < k ? float.NegativeInfinity : _heap.TryPeek(out _, out var score) ? score : float.NegativeInfinity;

    public void Offer(int row, float score)
    {
        if (_heap.Count < k)
        {
            _heap.Enqueue(row, score);
        }
        else if (score > Threshold)
        {
            _heap.EnqueueDequeue(row, score);
        }
    }

    /// <summary>The kept rows, best first.</summary>
    public VectorHit[] ToArray()
    {
        var hits = new VectorHit[_heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            _heap.TryDequeue(out var row, out var score);
            hits[i] = new VectorHit(row, score);
        }

        return hits;
    }
}
