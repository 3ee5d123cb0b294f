namespace Strata.Core.Text;

/// <summary>
/// One change: <see cref="Removed"/> old lines starting at zero-based <see cref="OldStart"/> were replaced by
/// <see cref="Added"/> new lines starting at zero-based <see cref="NewStart"/>. A pure insertion removes nothing,
/// a pure deletion adds nothing. Holds no context lines.
/// </summary>
public sealed record DiffHunk(int OldStart, int NewStart, IReadOnlyList<string> Removed, IReadOnlyList<string> Added)
{
    public int OldCount => Removed.Count;

    public int NewCount => Added.Count;
}
