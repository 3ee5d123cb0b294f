namespace Strata.AI;

/// <summary>Thrown instead of calling the model when today's token budget for a purpose is spent; callers fall back to the classical method.</summary>
public sealed class ModelBudgetExceededException(string purpose, long used, long budget)
    : Exception($"the daily token budget for {purpose} is spent ({used:N0} of {budget:N0} tokens); using the classical method until tomorrow (UTC)")
{
    public string Purpose { get; } = purpose;
}
