namespace Strata.Core.Text;

/// <summary>
/// Myers' O(ND) shortest edit script over two sequences of symbol ids, with explicit grid bounds. Stores each
/// round's furthest-reaching points (about D²/2 ints) to walk the path back.
/// </summary>
internal static class MyersDiff
{
    private const int Unreached = -1;

    /// <summary>
    /// Marks <paramref name="deleted"/> old and <paramref name="inserted"/> new positions of a shortest edit script.
    /// Returns false, marking nothing, when more than <paramref name="maxEdits"/> edits are needed.
    /// </summary>
    public static bool TryMark(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int maxEdits, Span<bool> deleted, Span<bool> inserted)
    {
        int n = a.Length, m = b.Length;
        var limit = Math.Min(n + m, maxEdits);
        var rounds = new List<int[]>();
        for (var d = 0; d <= limit; d++)
        {
            var previous = d == 0 ? null : rounds[d - 1];
            var current = new int[d + 1];
            rounds.Add(current);
            for (var k = -d; k <= d; k += 2)
            {
                var x = Start(previous, d, k, n, m, out _);
                if (x == Unreached)
                {
                    current[(k + d) / 2] = Unreached;
                    continue;
                }

                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                current[(k + d) / 2] = x;
                if (x == n && y == m)
                {
                    WalkBack(rounds, d, k, n, m, deleted, inserted);
                    return true;
                }
            }
        }

        return false;
    }

    // Where a (d, k) path starts its snake: one step down (insert) from diagonal k+1 or right (delete) from k-1,
    // whichever reaches further while staying inside the grid.
    private static int Start(int[]? previous, int d, int k, int n, int m, out bool fromDown)
    {
        fromDown = false;
        if (previous is null)
        {
            return 0;
        }

        var down = k + 1 <= d - 1 ? At(previous, d - 1, k + 1) : Unreached;
        if (down != Unreached && down - k > m)
        {
            down = Unreached;
        }

        var right = k - 1 >= -(d - 1) ? At(previous, d - 1, k - 1) : Unreached;
        if (right != Unreached)
        {
            right = right + 1 > n ? Unreached : right + 1;
        }

        fromDown = down != Unreached && down >= right;
        return fromDown ? down : right;
    }

    private static int At(int[] round, int d, int k) => round[(k + d) / 2];

    private static void WalkBack(List<int[]> rounds, int d, int k, int n, int m, Span<bool> deleted, Span<bool> inserted)
    {
        for (; d > 0; d--)
        {
            var previous = rounds[d - 1];
            var start = Start(previous, d, k, n, m, out var fromDown);
            if (fromDown)
            {
                inserted[start - k - 1] = true;
                k++;
            }
            else
            {
                deleted[start - 1] = true;
                k--;
            }
        }
    }
}
