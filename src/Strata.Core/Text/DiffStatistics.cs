namespace Strata.Core.Text;

/// <summary>Line counts of a diff and how alike the two texts are.</summary>
/// <param name="LinesAdded">Lines only in the new text.</param>
/// <param name="LinesRemoved">Lines only in the old text.</param>
/// <param name="LinesUnchanged">Lines kept.</param>
/// <param name="Similarity">2 × unchanged ÷ (old + new lines): 1 for identical texts (and two empty ones), 0 for nothing in common.</param>
public sealed record DiffStatistics(int LinesAdded, int LinesRemoved, int LinesUnchanged, double Similarity)
{
    internal static DiffStatistics From(int oldLines, int newLines, IReadOnlyList<DiffHunk> hunks)
    {
        var removed = hunks.Sum(h => h.OldCount);
        var added = hunks.Sum(h => h.NewCount);
        var unchanged = oldLines - removed;
        var total = oldLines + newLines;
        return new DiffStatistics(added, removed, unchanged, total == 0 ? 1.0 : 2.0 * unchanged / total);
    }
}
