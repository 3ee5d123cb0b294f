namespace Strata.Hosting.Ingest;

/// <summary>What happened to one thing the user asked to add.</summary>
/// <param name="Origin">The path, URL or "stdin" it came from.</param>
/// <param name="Outcome">Added, already present, or failed.</param>
/// <param name="ItemId">The new or existing item.</param>
/// <param name="Title">The item's title, when known.</param>
/// <param name="Message">Why it failed, for the user.</param>
public sealed record IngestEntry(string Origin, IngestOutcome Outcome, string? ItemId = null, string? Title = null, string? Message = null);

public enum IngestOutcome
{
    Added,
    AlreadyPresent,
    Failed,
}

/// <summary>The result of one <c>add</c>: an entry per input, in the order they were given or found.</summary>
public sealed class IngestReport(IReadOnlyList<IngestEntry> entries, bool processed)
{
    public IReadOnlyList<IngestEntry> Entries { get; } = entries;

    /// <summary>False when another process (the daemon) held the queue; items were queued for it.</summary>
    public bool Processed { get; } = processed;

    public int Count(IngestOutcome outcome) => Entries.Count(entry => entry.Outcome == outcome);
}

/// <summary>Progress of an <c>add</c>: <paramref name="Phase"/> is "collect" or "process".</summary>
public readonly record struct IngestProgress(string Phase, int Done, int Total);

/// <summary>How to add: options that apply to every input.</summary>
public sealed record AddOptions
{
    public string? Title { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Add even when the same bytes or URL are already in the base.</summary>
    public bool Force { get; init; }
}
