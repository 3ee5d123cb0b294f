namespace Strata.Core.Enrich;

/// <summary>How long an extractive summary may be: characters (a Chinese character counts one) and sentences.</summary>
public sealed record SummaryBudget(int MaxChars = SummaryBudget.DefaultMaxChars, int MaxSentences = SummaryBudget.DefaultMaxSentences)
{
    public const int DefaultMaxChars = 600;
    public const int DefaultMaxSentences = 5;

    public static SummaryBudget Default { get; } = new();
}
