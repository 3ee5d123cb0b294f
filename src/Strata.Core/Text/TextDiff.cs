namespace Strata.Core.Text;

/// <summary>
/// Readable diffs between two versions of a text: line diffs by Myers' O(ND) algorithm, unified-diff output as
/// <c>diff -u</c> prints it, and word-level marks for prose. Pure and thread-safe.
/// </summary>
public static class TextDiff
{
    /// <summary>
    /// Most line edits searched for before falling back to one coarse replacement (<see cref="LineDiff.IsCoarse"/>);
    /// bounds time to about (old + new lines) × this and memory to about this² / 2 integers.
    /// </summary>
    public const int DefaultMaxEditDistance = 2000;

    /// <summary>Diffs two texts line by line with <see cref="DefaultMaxEditDistance"/>.</summary>
    public static LineDiff Compute(string oldText, string newText) => Compute(oldText, newText, DefaultMaxEditDistance);

    /// <summary>Diffs two texts line by line, searching at most <paramref name="maxEditDistance"/> edits.</summary>
    public static LineDiff Compute(string oldText, string newText, int maxEditDistance)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEditDistance);

        var oldLines = TextLines.Split(oldText);
        var newLines = TextLines.Split(newText);
        var (oldIds, newIds) = TextLines.Ids(oldLines, newLines);
        var regions = SequenceDiff.Compute(oldIds, newIds, maxEditDistance, out var coarse);
        var hunks = regions
            .Select(r => new DiffHunk(
                r.OldStart,
                r.NewStart,
                new ArraySegment<string>(oldLines.Lines, r.OldStart, r.OldCount),
                new ArraySegment<string>(newLines.Lines, r.NewStart, r.NewCount)))
            .ToList();
        return new LineDiff(oldLines, newLines, hunks, coarse);
    }

    /// <summary>
    /// Unified diff text as <c>diff -u --label old --label new</c> prints it, with <paramref name="context"/> lines
    /// around changes; empty when nothing changed.
    /// </summary>
    public static string ToUnified(LineDiff diff, int context = 3, string oldLabel = "previous", string newLabel = "current")
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        return UnifiedDiffWriter.Write(diff, context, oldLabel, newLabel);
    }

    /// <summary>
    /// The new text with word-level changes marked <c>[-removed-]{+added+}</c>; equal text is kept as is.
    /// </summary>
    public static string ToWordDiff(string oldText, string newText) => WordDiff.Render(WordDiff.Compute(oldText, newText));

    /// <summary>
    /// Each changed region of a line diff as word-level marks, with <paramref name="context"/> unchanged lines
    /// around it under an <c>@@</c> header; empty when nothing changed.
    /// </summary>
    public static string ToWordDiff(LineDiff diff, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        return UnifiedDiffWriter.WriteWords(diff, context);
    }
}
