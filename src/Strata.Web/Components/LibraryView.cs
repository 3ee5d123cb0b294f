using Strata.Core.Storage;

namespace Strata.Web.Components;

/// <summary>What the Library page shows: one page of items, the filters that chose them, and the choices for each filter.</summary>
public sealed record LibraryView(
    IReadOnlyList<ItemSummary> Items,
    LibraryQuery Query,
    bool HasMore,
    IReadOnlyList<TagCount> Tags,
    IReadOnlyList<string> Categories);
