namespace Strata.Core.Search;

/// <summary>
/// A parsed user query (see <see cref="SearchQueryParser"/>): free text to match plus filters to apply.
/// Terms and phrases hold the user's raw text; they are analysed only when an FTS5 expression or a snippet is
/// built, so both sides use the same analysis.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>A query with nothing in it.</summary>
    public static SearchQuery Empty { get; } = new();

    /// <summary>Bare words, each of which must match (see <see cref="Fts5QueryBuilder"/>).</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>Quoted phrases, each of which must match as a sequence.</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];

    /// <summary>Words written as <c>-word</c>: documents containing any of them are left out.</summary>
    public IReadOnlyList<string> ExcludedTerms { get; init; } = [];

    /// <summary>Phrases written as <c>-"a phrase"</c>: documents containing any of them are left out.</summary>
    public IReadOnlyList<string> ExcludedPhrases { get; init; } = [];

    /// <summary>Values of <c>tag:</c>, as written.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Values of <c>category:</c>, as written.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Values of <c>source:</c>, as written.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Values of <c>kind:</c>, lower-case.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Values of <c>lang:</c> (or <c>language:</c>), lower-case.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Values of <c>is:</c> (or <c>status:</c>), lower-case, e.g. <c>unread</c>.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>From <c>after:</c>: documents dated on or after this day (inclusive).</summary>
    public DateOnly? After { get; init; }

    /// <summary>From <c>before:</c>: documents dated on or before this day (inclusive).</summary>
    public DateOnly? Before { get; init; }

    /// <summary>Whether any term or phrase asks for matching text (exclusions alone do not).</summary>
    public bool HasText => Terms.Count > 0 || Phrases.Count > 0;

    /// <summary>Whether any filter is set.</summary>
    public bool HasFilters =>
        Tags.Count > 0 || Categories.Count > 0 || Sources.Count > 0 || Kinds.Count > 0 || Languages.Count > 0 || Statuses.Count > 0
        || After is not null || Before is not null;
}
