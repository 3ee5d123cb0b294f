namespace Strata.Core.Enrich.Rules;

/// <summary>
/// A user's rule: when every condition given matches, its actions apply (tags, category, status). Regular
/// expressions are case-insensitive; the URL pattern is a glob (<c>*</c>) unless written as <c>/regex/</c>.
/// </summary>
public sealed record Rule
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public RuleConditions When { get; init; } = new();

    public RuleActions Then { get; init; } = new();

    public bool Enabled { get; init; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string DisplayName => Name ?? Id;
}

public sealed record RuleConditions
{
    /// <summary>The item's host or any parent domain (<c>example.com</c> matches <c>blog.example.com</c>).</summary>
    public string? Domain { get; init; }

    /// <summary>A source id (or its start) or a source name.</summary>
    public string? Source { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? Language { get; init; }

    public string? Kind { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Domain is null && Source is null && Url is null && Title is null && Text is null && Language is null && Kind is null;
}

public sealed record RuleActions
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Category { get; init; }

    /// <summary>inbox, read or archived.</summary>
    public string? Status { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Tags.Count == 0 && Category is null && Status is null;
}
