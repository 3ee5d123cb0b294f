namespace Strata.Core.Text;

/// <summary>Changes close enough to share one <c>@@</c> block, with the block's line ranges (zero-based).</summary>
internal sealed record HunkGroup(List<DiffHunk> Hunks, int OldStart, int OldEnd, int NewStart, int NewEnd)
{
    /// <summary>Groups changes as GNU diff does: separated by at most 2 × context unchanged lines.</summary>
    public static List<HunkGroup> Build(LineDiff diff, int context)
    {
        var groups = new List<HunkGroup>();
        List<DiffHunk>? current = null;
        foreach (var hunk in diff.Hunks)
        {
            if (current is not null && hunk.OldStart - (current[^1].OldStart + current[^1].OldCount) <= 2 * context)
            {
                current.Add(hunk);
                continue;
            }

            if (current is not null)
            {
                groups.Add(Close(current, diff, context));
            }

            current = [hunk];
        }

        if (current is not null)
        {
            groups.Add(Close(current, diff, context));
        }

        return groups;
    }

    private static HunkGroup Close(List<DiffHunk> hunks, LineDiff diff, int context)
    {
        var first = hunks[0];
        var last = hunks[^1];
        var lead = Math.Min(context, Math.Min(first.OldStart, first.NewStart));
        var trail = Math.Min(
            context,
            Math.Min(diff.OldLines.Count - last.OldStart - last.OldCount, diff.NewLines.Count - last.NewStart - last.NewCount));
        return new HunkGroup(
            hunks,
            first.OldStart - lead,
            last.OldStart + last.OldCount + trail,
            first.NewStart - lead,
            last.NewStart + last.NewCount + trail);
    }
}
