namespace Strata.Mcp.Results;

/// <summary>Items collected since a moment, newest first, one page at a time.</summary>
public sealed record RecentPage(DateTimeOffset Since, string? Tag, int Offset, IReadOnlyList<ItemRow> Items, int? NextOffset, string? Continuation);

/// <summary>An item in a listing; <see cref="Error"/> is why its processing failed, when it did.</summary>
public sealed record ItemRow(
    string Id, string Title, string Kind, string State, string? Url, string? Path, DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt,
    int WordCount, IReadOnlyList<string> Tags, string? Error, string Resource);
