namespace Strata.Mcp.Results;

/// <summary>Everything about one item: metadata, tags, summary, related items, history, and a window of its text.</summary>
public sealed record ItemView(
    string Id, string Title, string Kind, string State, string? Url, string? Path, string? SiteName, string? Byline, string? Language,
    DateTimeOffset CollectedAt, DateTimeOffset? PublishedAt, int WordCount, string? Category, IReadOnlyList<TagView> Tags,
    IReadOnlyDictionary<string, string> Metadata, string? Summary, IReadOnlyList<string> KeyPoints, IReadOnlyList<RelatedView> Related,
    IReadOnlyList<PageView> Pages, IReadOnlyList<HistoryEntry> History, string? Error, TextWindow Text);

/// <summary>A tag and who set it (user, source, rule, learned, semantic, llm).</summary>
public sealed record TagView(string Name, string Origin, double Confidence);

public sealed record RelatedView(string Id, string Title, double Score);

/// <summary>A PDF page: where it lies in the item's text.</summary>
public sealed record PageView(int Number, int Start, int Length);

/// <summary>One record of where the item came from or who changed it (agent writes start with <c>agent:</c>).</summary>
public sealed record HistoryEntry(DateTimeOffset At, string Record, string? Url);
