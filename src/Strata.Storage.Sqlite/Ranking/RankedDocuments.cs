namespace Strata.Storage.Sqlite.Ranking;

/// <summary>Every document a query matched with its BM25 score, best first on demand; Dispose returns the pooled arrays.</summary>
internal sealed class RankedDocuments : IDisposable
{
    private readonly TermPostings? _owner;
    private readonly int[] _documents;
    private readonly float[] _scores;
    private readonly int _count;

    /// <summary>Scores held in <paramref name="owner"/>'s arrays (its frequencies replaced by scores), the first <paramref name="count"/>.</summary>
    public RankedDocuments(TermPostings owner, int count)
    {
        _owner = owner;
        (_documents, _scores) = owner.Arrays;
        _count = count;
    }

    private RankedDocuments()
    {
        (_documents, _scores, _count) = ([], [], 0);
    }

    public static RankedDocuments None => new();

    public int Count => _count;

    public void Dispose() => _owner?.Dispose();

    /// <summary>The best <paramref name="n"/> documents, best first (ties: lower rowid first).</summary>
    public IReadOnlyList<(int Document, float Score)> Top(int n)
    {
        n = Math.Min(n, _count);
        if (n <= 0)
        {
            return [];
        }

        // A min-heap of the best n so far; most candidates lose to the current worst on one float comparison.
        var heap = new PriorityQueue<int, (float Score, int Document)>(n, WorstFirst.Instance);
        for (var i = 0; i < n; i++)
        {
            heap.Enqueue(i, (_scores[i], _documents[i]));
        }

        heap.TryPeek(out _, out var worst);
        for (var i = n; i < _count; i++)
        {
            var score = _scores[i];
            if (score < worst.Score || (score == worst.Score && _documents[i] > worst.Document))
            {
                continue;
            }

            heap.EnqueueDequeue(i, (score, _documents[i]));
            heap.TryPeek(out _, out worst);
        }

        var best = new (int Document, float Score)[heap.Count];
        for (var position = best.Length - 1; position >= 0; position--)
        {
            var index = heap.Dequeue();
            best[position] = (_documents[index], _scores[index]);
        }

        return best;
    }

    /// <summary>Orders worse results first: lower score, then higher rowid.</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Document)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Document) x, (float Score, int Document) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Document.CompareTo(x.Document);
        }
    }
}
