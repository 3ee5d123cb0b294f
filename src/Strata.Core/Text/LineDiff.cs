namespace Strata.Core.Text;

/// <summary>
/// A line diff from <see cref="TextDiff.Compute(string, string)"/>. Lines carry no terminators; <c>\r\n</c>,
/// <c>\n</c> and <c>\r</c> all end a line. Immutable and thread-safe.
/// </summary>
public sealed class LineDiff
{
    internal LineDiff(TextLines oldText, TextLines newText, IReadOnlyList<DiffHunk> hunks, bool isCoarse)
    {
        OldLines = oldText.Lines;
        NewLines = newText.Lines;
        OldEndsWithNewline = oldText.EndsWithNewline;
        NewEndsWithNewline = newText.EndsWithNewline;
        Hunks = hunks;
        IsCoarse = isCoarse;
        Statistics = DiffStatistics.From(OldLines.Count, NewLines.Count, hunks);
    }

    public IReadOnlyList<string> OldLines { get; }

    public IReadOnlyList<string> NewLines { get; }

    /// <summary>False when the old text's last line has no terminator (unified output then says so).</summary>
    public bool OldEndsWithNewline { get; }

    public bool NewEndsWithNewline { get; }

    /// <summary>The changes in order, without context; empty when the texts have the same lines.</summary>
    public IReadOnlyList<DiffHunk> Hunks { get; }

    /// <summary>
    /// True when the texts differed by more than the edit budget, so everything between the common start and end
    /// is shown as one replacement rather than a minimal diff.
    /// </summary>
    public bool IsCoarse { get; }

    public DiffStatistics Statistics { get; }

    public bool HasChanges => Hunks.Count > 0;
}
