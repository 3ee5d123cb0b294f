namespace Strata.Core.Items;

/// <summary>The user's reading status.</summary>
public enum ItemStatus
{
    Inbox,
    Read,
    Archived,
}
