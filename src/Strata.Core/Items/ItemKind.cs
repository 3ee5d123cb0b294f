namespace Strata.Core.Items;

/// <summary>What an item is; stored as its lower-case name.</summary>
public enum ItemKind
{
    Article,
    Paper,
    Note,
    File,
    Bookmark,
    FeedEntry,
}
