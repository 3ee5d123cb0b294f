using Strata.Core.Sources;

namespace Strata.Hosting.Collection;

/// <summary>
/// Collects from one type of source. A run stores what is new through the <see cref="ItemSink"/> and returns
/// counts; one bad entry is counted as failed, never thrown. Throws (with a message fit for the source's health
/// line) only when the source as a whole could not be read: the feed is 404, the folder is gone.
/// </summary>
public interface ISourceCollector
{
    SourceType Type { get; }

    Task<CollectResult> CollectAsync(Source source, CancellationToken cancellationToken);
}

/// <summary>Counts from one run, plus what the source should remember for the next one.</summary>
public sealed record CollectResult(int New, int Updated, int Unchanged, int Failed)
{
    /// <summary>Replaces the source's cursor when set (HTTP validators, last seen state).</summary>
    public IReadOnlyDictionary<string, string>? Cursor { get; init; }

    /// <summary>A better name for the source (the feed's title), when it has none.</summary>
    public string? Name { get; init; }

    /// <summary>One line per entry that failed, for the log.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
