using Strata.Core.Storage;

namespace Strata.Core.Digests;

/// <summary>An item that arrived in a digest's window, with what a digest entry shows of it.</summary>
/// <param name="Item">Title, link, source, tags.</param>
/// <param name="Category">The item's category, when it has one.</param>
/// <param name="Summary">Its best stored summary (abstractive before extractive), or null.</param>
public sealed record DigestCandidate(ItemSummary Item, string? Category, string? Summary);
