namespace Strata.Core.Digests;

/// <summary>One item in a digest: what it shows, and for top stories why it ranked (novelty and interest, 0–1).</summary>
/// <remarks><see cref="Language"/> is the item's detected language (ISO 639-1, e.g. <c>zh</c>), when known: audio digests pick a voice by it.</remarks>
public sealed record DigestEntry(string ItemId, string Title, string Source, string OneLine, string? Link, IReadOnlyList<string> Tags, double Novelty, double Interest, double Score, string? Language = null);

/// <summary>Entries under one category or topic.</summary>
public sealed record DigestGroup(string Name, IReadOnlyList<DigestEntry> Entries);

/// <summary>A composed digest: its window, top stories and every item grouped by category/topic.</summary>
public sealed record Digest(DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string? Tag, IReadOnlyList<DigestEntry> TopStories, IReadOnlyList<DigestGroup> Groups)
{
    /// <summary>Older saved items not opened in a long time, brought back ("from your archive").</summary>
    public IReadOnlyList<DigestEntry> Resurfaced { get; init; } = [];

    public int ItemCount => Groups.Sum(group => group.Entries.Count);
}
