namespace Strata.Core.Search;

/// <summary>The mutable lists a <see cref="SearchQueryParser"/> fills before freezing them into a <see cref="SearchQuery"/>.</summary>
internal sealed class SearchQueryParts
{
    public List<string> Terms { get; } = [];

    public List<string> Phrases { get; } = [];

    public List<string> ExcludedTerms { get; } = [];

    public List<string> ExcludedPhrases { get; } = [];

    public List<string> Tags { get; } = [];

    public List<string> Categories { get; } = [];

    public List<string> Sources { get; } = [];

    public List<string> Kinds { get; } = [];

    public List<string> Languages { get; } = [];

    public List<string> Statuses { get; } = [];

    public DateOnly? After { get; set; }

    public DateOnly? Before { get; set; }

    public SearchQuery ToQuery() => new()
    {
        Terms = Terms.AsReadOnly(),
        Phrases = Phrases.AsReadOnly(),
        ExcludedTerms = ExcludedTerms.AsReadOnly(),
        ExcludedPhrases = ExcludedPhrases.AsReadOnly(),
        Tags = Tags.AsReadOnly(),
        Categories = Categories.AsReadOnly(),
        Sources = Sources.AsReadOnly(),
        Kinds = Kinds.AsReadOnly(),
        Languages = Languages.AsReadOnly(),
        Statuses = Statuses.AsReadOnly(),
        After = After,
        Before = Before,
    };
}
