namespace Strata.Core.Sources;

/// <summary>Something Strata collects from by itself, on a schedule, with its health.</summary>
public sealed record Source
{
    /// <summary>ULID.</summary>
    public required string Id { get; init; }

    public required SourceType Type { get; init; }

    /// <summary>What to watch: a feed or page URL, an arXiv query, a folder path.</summary>
    public required string Target { get; init; }

    /// <summary>A name for tables; the feed title once known.</summary>
    public string? Name { get; init; }

    public SourceSchedule Schedule { get; init; } = SourceSchedule.Default;

    /// <summary>Tags every item from this source gets.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Category every item from this source gets.</summary>
    public string? Category { get; init; }

    /// <summary>Type-specific settings (e.g. <c>category</c> for arXiv, <c>fetchFull</c> for feeds).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public bool Paused { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? NextRunAt { get; init; }

    public DateTimeOffset? LastRunAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>Why the last run failed; null after a success.</summary>
    public string? LastError { get; init; }

    /// <summary>Failed runs in a row; drives back-off so a broken source is not hammered.</summary>
    public int ConsecutiveFailures { get; init; }

    public int ItemsCollected { get; init; }

    /// <summary>Where the last run left off: HTTP validators and type-specific state.</summary>
    public IReadOnlyDictionary<string, string> Cursor { get; init; } = new Dictionary<string, string>();

    public string DisplayName => Name ?? Target;
}
