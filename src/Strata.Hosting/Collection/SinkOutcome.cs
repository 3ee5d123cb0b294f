namespace Strata.Hosting.Collection;

/// <summary>What happened to one thing a source offered.</summary>
public enum SinkOutcome
{
    /// <summary>A new item was stored.</summary>
    New,

    /// <summary>An existing item got a new version.</summary>
    Updated,

    /// <summary>Already known; at most a provenance record was added.</summary>
    Unchanged,
}
