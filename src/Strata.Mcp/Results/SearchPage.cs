namespace Strata.Mcp.Results;

/// <summary>One page of search results; <see cref="NextOffset"/> and <see cref="Continuation"/> are set when more results exist.</summary>
public sealed record SearchPage(string Query, string Mode, int Offset, IReadOnlyList<SearchHitView> Items, int? NextOffset, string? Continuation, string? Notice);

/// <summary>A found item: its score (higher is better), a snippet with matches in <c>**bold**</c>, and the passages that matched best.</summary>
public sealed record SearchHitView(
    string Id, string Title, string Kind, string? Url, string? Path, string? Language, DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt,
    IReadOnlyList<string> Tags, double Score, string Snippet, IReadOnlyList<PassageView> Passages, string Resource);

/// <summary>A matching passage: <see cref="Start"/> and <see cref="Length"/> are character offsets usable with <c>get_item</c>.</summary>
public sealed record PassageView(int Start, int Length, int? Page, double Score, string Snippet);
