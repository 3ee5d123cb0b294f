namespace Strata.Sources.Feeds;

/// <summary>A feed as read by <see cref="FeedParser"/>: channel metadata and its entries in document order.</summary>
/// <param name="Title">The feed's title, null when it has none.</param>
/// <param name="SiteUrl">The absolute URL of the site the feed belongs to, when stated.</param>
/// <param name="Description">The feed's description or subtitle, text or HTML as the feed wrote it.</param>
/// <param name="Format">The format the feed was written in.</param>
/// <param name="Entries">The entries in document order.</param>
public sealed record ParsedFeed(
    string? Title,
    Uri? SiteUrl,
    string? Description,
    FeedFormat Format,
    IReadOnlyList<FeedEntry> Entries);
