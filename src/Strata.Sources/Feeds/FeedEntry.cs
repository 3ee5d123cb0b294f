namespace Strata.Sources.Feeds;

/// <summary>One entry (item) of a feed, normalized across formats.</summary>
public sealed record FeedEntry
{
    /// <summary>
    /// The entry's identity within its feed: the RSS guid, RDF about, Atom id or JSON id; when the feed gives
    /// none, <c>hash:</c> and a stable SHA-256 prefix of the link and title, so repeated polls agree.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The absolute URL of the entry's page, resolved against xml:base and the feed URL.</summary>
    public Uri? Url { get; init; }

    public string? Title { get; init; }

    /// <summary>Author names (or e-mail addresses where that is all the feed gives), in document order.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    /// <summary>The description or summary as the feed wrote it: HTML or plain text.</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// Full content when the feed carries it (<c>content:encoded</c>, Atom <c>content</c>, JSON
    /// <c>content_html</c>/<c>content_text</c>), always as HTML (plain text is HTML-encoded).
    /// </summary>
    public string? ContentHtml { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The absolute URL of the first enclosure (podcast audio, attachment), when any.</summary>
    public Uri? EnclosureUrl { get; init; }

    /// <summary>
    /// True when the feed itself appears to carry the whole article, so fetching the page is unnecessary.
    /// A heuristic over text length; see <see cref="FullContentHeuristic"/>. Computed on each call.
    /// </summary>
    public bool HasFullContent => FullContentHeuristic.IsFull(ContentHtml, Summary);
}
