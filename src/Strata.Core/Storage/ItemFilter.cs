using Strata.Core.Items;

namespace Strata.Core.Storage;

/// <summary>Conditions on items shared by listing and search; empty lists mean "any".</summary>
public sealed record ItemFilter
{
    public IReadOnlyList<ItemKind> Kinds { get; init; } = [];

    /// <summary>Items carrying all of these tags (a tag also matches its children: <c>ai</c> matches <c>ai/llm</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Items in any of these categories (case-insensitive).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<ItemStatus> Statuses { get; init; } = [];

    /// <summary>Matched against site name, URL host and source path.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Compare <see cref="After"/> and <see cref="Before"/> with the published date where known (else collected).</summary>
    public bool ByItemDate { get; init; }

    /// <summary>Collected at or after.</summary>
    public DateTimeOffset? After { get; init; }

    /// <summary>Collected before.</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Only items whose last step failed.</summary>
    public bool FailedOnly { get; init; }

    /// <summary>Also items folded into another as near-duplicates (hidden by default).</summary>
    public bool IncludeDuplicates { get; init; }

    /// <summary>Only items marked as favourites.</summary>
    public bool FavouriteOnly { get; init; }

    /// <summary>The order of listings (search orders by relevance).</summary>
    public ItemOrder Order { get; init; } = ItemOrder.Newest;

    public int Limit { get; init; } = 50;

    public int Offset { get; init; }
}
