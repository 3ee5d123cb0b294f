using Strata.Core.Extraction;

namespace Strata.Core.Items;

/// <summary>One thing in the knowledge base: its original (by hash), what was extracted from it, and the user's marks.</summary>
public sealed record Item
{
    /// <summary>ULID: unique and sortable by creation time.</summary>
    public required string Id { get; init; }

    public required ItemKind Kind { get; init; }

    public ItemState State { get; init; }

    public ItemStatus Status { get; init; } = ItemStatus.Inbox;

    public bool Favourite { get; init; }

    /// <summary>The URL the item was added from (null for local files and notes).</summary>
    public string? Url { get; init; }

    /// <summary>The normalised URL used to recognise duplicates.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>The local path the item was added from.</summary>
    public string? SourcePath { get; init; }

    public string? Title { get; init; }

    public string? Byline { get; init; }

    public string? SiteName { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public required DateTimeOffset CollectedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? Language { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the original bytes; null while <see cref="ItemState.Queued"/>.</summary>
    public string? ContentHash { get; init; }

    public string? MediaType { get; init; }

    public long ByteSize { get; init; }

    /// <summary>Extracted text as Markdown.</summary>
    public string? Text { get; init; }

    public string? Excerpt { get; init; }

    public int WordCount { get; init; }

    public IReadOnlyList<PageSpan> Pages { get; init; } = [];

    public IReadOnlyList<ItemTag> Tags { get; init; } = [];

    /// <summary>One category per item (from a source's default now; from rules and classifiers later).</summary>
    public string? Category { get; init; }

    /// <summary>Who set <see cref="Category"/> (a source's default, a rule, the learned classifier, the user).</summary>
    public TagOrigin? CategoryOrigin { get; init; }

    /// <summary>How sure <see cref="CategoryOrigin"/> is of <see cref="Category"/> (1 for sources, rules and the user).</summary>
    public double? CategoryConfidence { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Why the last pipeline step failed; null when it did not.</summary>
    public string? Error { get; init; }

    /// <summary>Whether <see cref="Error"/> may go away on retry (timeouts, 5xx).</summary>
    public bool ErrorIsTransient { get; init; }

    public int ReadingMinutes => Math.Max(1, (int)Math.Round(WordCount / Constants.WordsPerMinute));

    /// <summary>The name to show: title, else the file or URL it came from.</summary>
    public string DisplayTitle => Title ?? (SourcePath is null ? null : System.IO.Path.GetFileName(SourcePath)) ?? Url ?? Id;
}
