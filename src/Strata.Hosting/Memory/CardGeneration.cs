using Strata.Core.Memory;

namespace Strata.Hosting.Memory;

/// <summary>What to generate cards from: one item, or the items with a tag (newest first); at most <see cref="Max"/> cards.</summary>
/// <param name="Tag">Items with this tag (or its children).</param>
/// <param name="Item">One item (id or prefix).</param>
/// <param name="Max">Most cards in all.</param>
/// <param name="UseModel">Question–answer cards from the chat model when one is configured; cloze cards otherwise.</param>
public sealed record CardGenerationRequest(string? Tag, string? Item, int Max, bool UseModel = true);

/// <summary>Drafts to preview before saving, with notes on what was skipped or why no model was used.</summary>
public sealed record CardGenerationPreview(IReadOnlyList<CardDraft> Drafts, IReadOnlyList<string> Notices, string Method);
