namespace Strata.Core.Items;

/// <summary>
/// How far the pipeline has taken an item. States only advance; a failure leaves the state where it was
/// and records <see cref="Item.Error"/>, so a retry resumes from the step that failed.
/// </summary>
public enum ItemState
{
    /// <summary>Known by URL only; the original has not been fetched yet.</summary>
    Queued = 0,

    /// <summary>The original bytes are archived.</summary>
    Collected = 1,

    /// <summary>Text and metadata are extracted.</summary>
    Extracted = 2,

    /// <summary>Searchable.</summary>
    Indexed = 3,
}
