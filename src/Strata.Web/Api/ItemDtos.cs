using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Core.Web;

namespace Strata.Web.Api;

/// <summary>An item in a listing or a search result (no text).</summary>
public sealed record ItemSummaryDto(
    string Id, ItemKind Kind, ItemState State, ItemStatus Status, bool Favourite, string Title, string? Url, string? SiteName,
    string? Language, DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt, int WordCount, IReadOnlyList<string> Tags, string? Category, string? Error)
{
    public static ItemSummaryDto From(ItemSummary item) => new(
        item.Id, item.Kind, item.State, item.Status, item.Favourite, item.DisplayTitle, item.Url, item.SiteName,
        item.Language, item.CollectedAt, item.PublishedAt, item.WordCount, item.Tags, item.Category, item.Error);
}

/// <summary>A page of items: <see cref="NextOffset"/> is null on the last page.</summary>
public sealed record ItemPageDto(IReadOnlyList<ItemSummaryDto> Items, int Offset, int Limit, int? NextOffset);

/// <summary>A tag on an item and who put it there (user, source, rule, learned, semantic, llm).</summary>
public sealed record ItemTagDto(string Name, TagOrigin Origin, double Confidence)
{
    public static ItemTagDto From(ItemTag tag) => new(tag.Name, tag.Origin, tag.Confidence);
}

public sealed record SummaryDto(string Method, string? Model, string Text, IReadOnlyList<string> KeyPoints, DateTimeOffset CreatedAt);

public sealed record HighlightDto(string Id, string ItemId, string Text, string? Note, int? Start, DateTimeOffset CreatedAt)
{
    public static HighlightDto From(Highlight highlight) =>
        new(highlight.Id, highlight.ItemId, highlight.Text, highlight.Note, highlight.Start, highlight.CreatedAt);
}

/// <summary>One item in full: its extracted text (Markdown), summary, tags with their origins and highlights.</summary>
public sealed record ItemDto(
    string Id, ItemKind Kind, ItemState State, ItemStatus Status, bool Favourite, string Title, string? Url, string? SiteName, string? Byline,
    string? Language, DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt, int WordCount, int ReadingMinutes, string? MediaType,
    string? Category, IReadOnlyList<ItemTagDto> Tags, SummaryDto? Summary, IReadOnlyList<HighlightDto> Highlights, string? Text, string? Error);

/// <summary>Adds a web page (<see cref="Url"/>) or a note (<see cref="Note"/>, Markdown); exactly one of them.</summary>
public sealed record AddItemRequest(string? Url, string? Note, string? Title, IReadOnlyList<string>? Tags, bool Force = false);

/// <summary>What an add did: <c>added</c>, <c>alreadyPresent</c> (the existing item's id), or <c>failed</c>.</summary>
public sealed record AddItemResponse(string Outcome, string? Id, string? Title, string? Message);

/// <summary>Changes an item's reading status (<c>inbox</c>, <c>read</c>, <c>archived</c>) and/or favourite mark.</summary>
public sealed record UpdateItemRequest(string? Status, bool? Favourite);

public sealed record AddTagsRequest(IReadOnlyList<string>? Tags);

public sealed record AddHighlightRequest(string? Text, string? Note, int? Start);
