namespace Strata.Core.Enrich;

/// <summary>
/// Clusters fingerprints from scratch: for each of the four 16-bit bands, fingerprints are sorted by the band's
/// value; within a run of equal values every pair at most <see cref="SimHash.MaxDistance"/> bits apart is joined
/// (union-find). Two fingerprints that close share a band (pigeonhole), so no pair is missed; the cost is a sort
/// per band plus the pairs inside buckets. A cluster's representative is its oldest member (lowest id).
/// </summary>
public static class NearDuplicateClustering
{
    /// <summary>Buckets larger than this (a degenerate fingerprint shared by many empty-ish texts) compare only neighbours.</summary>
    private const int MaxBucketPairs = 256;

    /// <param name="fingerprints">Items as (id, fingerprint), in ascending id order (oldest first).</param>
    /// <returns>For each item folded into another: its id and the representative's id.</returns>
    public static IReadOnlyDictionary<long, long> Cluster(IReadOnlyList<(long Id, ulong SimHash)> fingerprints)
    {
        var count = fingerprints.Count;
        var sets = new UnionFind(count);
        var keys = new ulong[count];
        var order = new int[count];
        for (var band = 0; band < SimHashBands.Count; band++)
        {
            for (var i = 0; i < count; i++)
            {
                // Sort key: the band's value in the high bits, the index in the low bits (stable and allocation-free).
                keys[i] = ((ulong)SimHashBands.Value(fingerprints[i].SimHash, band) << 40) | (uint)i;
                order[i] = i;
            }

            Array.Sort(keys, order);
            var start = 0;
            while (start < count)
            {
                var end = start + 1;
                while (end < count && keys[end] >> 40 == keys[start] >> 40)
                {
                    end++;
                }

                JoinBucket(fingerprints, order, start, end, sets);
                start = end;
            }
        }

        var representatives = new Dictionary<long, long>();
        for (var i = 0; i < count; i++)
        {
            var root = sets.Find(i);
            if (root != i)
            {
                representatives[fingerprints[i].Id] = fingerprints[root].Id;
            }
        }

        return representatives;
    }

    private static void JoinBucket(IReadOnlyList<(long Id, ulong SimHash)> fingerprints, int[] order, int start, int end, UnionFind sets)
    {
        for (var i = start; i < end; i++)
        {
            var last = Math.Min(end, i + 1 + MaxBucketPairs);
            for (var j = i + 1; j < last; j++)
            {
                if (SimHash.Distance(fingerprints[order[i]].SimHash, fingerprints[order[j]].SimHash) <= SimHash.MaxDistance)
                {
                    sets.Union(order[i], order[j]);
                }
            }
        }
    }
}
