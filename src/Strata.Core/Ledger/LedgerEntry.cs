namespace Strata.Core.Ledger;

/// <summary>One model call as recorded in the token and cost ledger.</summary>
/// <param name="At">When the call started.</param>
/// <param name="Provider">openai, ollama, …</param>
/// <param name="Model">The model name.</param>
/// <param name="Purpose">What the call was for (see <see cref="ModelPurposes"/>).</param>
/// <param name="InputTokens">From the provider's usage report, else counted.</param>
/// <param name="OutputTokens">From the provider's usage report, else counted.</param>
/// <param name="Latency">Wall time of the call.</param>
/// <param name="Cost">From the configured price table (0 when the model has no price).</param>
/// <param name="Cached">Answered from the prompt cache: no tokens spent.</param>
/// <param name="Counted">The tokens were counted locally because the provider reported no usage.</param>
public sealed record LedgerEntry(
    DateTimeOffset At, string Provider, string Model, string Purpose, long InputTokens, long OutputTokens, TimeSpan Latency, decimal Cost, bool Cached = false, bool Counted = false)
{
    public long TotalTokens => InputTokens + OutputTokens;
}

/// <summary>The purposes model calls are recorded and budgeted under.</summary>
public static class ModelPurposes
{
    public const string Summary = "summary";
    public const string Tag = "tag";
    public const string Ask = "ask";
    public const string Digest = "digest";
    public const string Embed = "embed";
    public const string Cards = "cards";

    public static IReadOnlyList<string> All { get; } = [Summary, Tag, Ask, Digest, Embed, Cards];
}
