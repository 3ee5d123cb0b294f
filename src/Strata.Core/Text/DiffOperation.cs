namespace Strata.Core.Text;

/// <summary>What a diff segment does to the old text.</summary>
public enum DiffOperation
{
    /// <summary>In both texts.</summary>
    Equal,

    /// <summary>Only in the old text.</summary>
    Delete,

    /// <summary>Only in the new text.</summary>
    Insert,
}
