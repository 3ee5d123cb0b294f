namespace Strata.Hosting.Ask;

/// <summary>What to retrieve passages for: the question, optional filters, and how many passages at most.</summary>
public sealed record PassageQuery(string Question, IReadOnlyList<string> Tags, DateTimeOffset? Since, int MaxPassages = PassageQuery.DefaultMaxPassages)
{
    public const int DefaultMaxPassages = 12;
}
