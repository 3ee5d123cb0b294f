namespace Strata.Core.Text;

/// <summary>
/// Diffs two id sequences: trims the common prefix and suffix, runs <see cref="MyersDiff"/> on the rest and, when
/// that needs more than the edit budget, replaces the whole rest instead (coarse but bounded).
/// </summary>
internal static class SequenceDiff
{
    public static List<DiffRegion> Compute(int[] a, int[] b, int maxEdits, out bool coarse)
    {
        coarse = false;
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var oldMiddle = a.AsSpan(prefix, a.Length - prefix - suffix);
        var newMiddle = b.AsSpan(prefix, b.Length - prefix - suffix);
        var regions = new List<DiffRegion>();
        if (oldMiddle.IsEmpty && newMiddle.IsEmpty)
        {
            return regions;
        }

        if (oldMiddle.IsEmpty || newMiddle.IsEmpty)
        {
            regions.Add(new DiffRegion(prefix, oldMiddle.Length, prefix, newMiddle.Length));
            return regions;
        }

        var deleted = new bool[oldMiddle.Length];
        var inserted = new bool[newMiddle.Length];
        if (!MyersDiff.TryMark(oldMiddle, newMiddle, maxEdits, deleted, inserted))
        {
            coarse = true;
            regions.Add(new DiffRegion(prefix, oldMiddle.Length, prefix, newMiddle.Length));
            return regions;
        }

        Collect(deleted, inserted, prefix, regions);
        return regions;
    }

    private static void Collect(bool[] deleted, bool[] inserted, int offset, List<DiffRegion> regions)
    {
        int i = 0, j = 0;
        while (i < deleted.Length || j < inserted.Length)
        {
            if (i < deleted.Length && j < inserted.Length && !deleted[i] && !inserted[j])
            {
                i++;
                j++;
                continue;
            }

            int oldStart = i, newStart = j;
            while (i < deleted.Length && deleted[i])
            {
                i++;
            }

            while (j < inserted.Length && inserted[j])
            {
                j++;
            }

            regions.Add(new DiffRegion(offset + oldStart, i - oldStart, offset + newStart, j - newStart));
        }
    }
}
