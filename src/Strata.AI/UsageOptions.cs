namespace Strata.AI;

/// <summary>The token ledger's settings (section <c>Usage</c>): daily budgets, prices, the prompt cache.</summary>
public sealed class UsageOptions
{
    /// <summary>Tokens (input + output) per UTC day per purpose (summary, tag, ask, digest, embed); absent or 0 = unlimited.</summary>
    public Dictionary<string, long> DailyTokenBudgets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Prices per model name (chat and embedding models); a model without an entry uses the Chat section's prices when it is the chat model, else costs 0.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Answer identical prompts (same model, same messages) from the cache.</summary>
    public bool Cache { get; set; } = true;
}

/// <summary>What a model's tokens cost, per million.</summary>
public sealed class ModelPrice
{
    public decimal InputPerMillion { get; set; }

    public decimal OutputPerMillion { get; set; }
}
