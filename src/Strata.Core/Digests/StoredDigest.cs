namespace Strata.Core.Digests;

/// <summary>A digest as stored: when and what window it covered, its rendered forms and the items in it.</summary>
/// <param name="Id">ULID.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="WindowStart">Items collected at or after this…</param>
/// <param name="WindowEnd">…and before this.</param>
/// <param name="Tag">The tag it was limited to, if any.</param>
/// <param name="Markdown">The digest as Markdown.</param>
/// <param name="Html">The digest as HTML.</param>
/// <param name="ItemIds">Every item in it.</param>
/// <param name="TopStoryIds">The items shown as top stories (their text is what later digests' novelty is measured against).</param>
public sealed record StoredDigest(
    string Id, DateTimeOffset CreatedAt, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string? Tag,
    string Markdown, string Html, IReadOnlyList<string> ItemIds, IReadOnlyList<string> TopStoryIds)
{
    /// <summary>Where it was sent (an address list), when it was mailed.</summary>
    public string? DeliveredTo { get; init; }
}
