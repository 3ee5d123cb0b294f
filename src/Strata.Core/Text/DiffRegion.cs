namespace Strata.Core.Text;

/// <summary>A changed region in symbol positions: old [OldStart, OldStart+OldCount) became new [NewStart, NewStart+NewCount).</summary>
internal readonly record struct DiffRegion(int OldStart, int OldCount, int NewStart, int NewCount)
{
    public int OldEnd => OldStart + OldCount;

    public int NewEnd => NewStart + NewCount;
}
