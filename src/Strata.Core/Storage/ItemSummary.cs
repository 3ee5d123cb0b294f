using Strata.Core.Items;

namespace Strata.Core.Storage;

/// <summary>The columns a listing shows, without the text.</summary>
public sealed record ItemSummary(
    string Id,
    ItemKind Kind,
    ItemState State,
    string DisplayTitle,
    string? Url,
    string? SourcePath,
    string? SiteName,
    string? Language,
    DateTimeOffset CollectedAt,
    DateTimeOffset? PublishedAt,
    int WordCount,
    IReadOnlyList<string> Tags,
    string? Error,
    ItemStatus Status = ItemStatus.Inbox,
    bool Favourite = false,
    string? Category = null);
