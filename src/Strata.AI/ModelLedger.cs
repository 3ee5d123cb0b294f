using Strata.Core.Ledger;

namespace Strata.AI;

/// <summary>
/// What the ledger decorators share: today's budget per purpose, prices, and recording. Thread-safe (the store
/// is). Budgets are checked before a call, so a call in flight may overshoot a budget by its own size.
/// </summary>
public sealed class ModelLedger(ILedgerStore store, UsageOptions usage, ChatModelOptions chat, TimeProvider time)
{
    public ILedgerStore Store => store;

    public UsageOptions Usage => usage;

    public TimeProvider Time => time;

    /// <summary>Throws <see cref="ModelBudgetExceededException"/> when today's (UTC) budget for <paramref name="purpose"/> is spent.</summary>
    public async Task EnsureBudgetAsync(string purpose, CancellationToken cancellationToken)
    {
        if (!usage.DailyTokenBudgets.TryGetValue(purpose, out var budget) || budget <= 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var used = await store.SumTokensAsync(purpose, new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), cancellationToken).ConfigureAwait(false);
        if (used >= budget)
        {
            throw new ModelBudgetExceededException(purpose, used, budget);
        }
    }

    /// <summary>Cost of a call by the price table: <c>Usage.Prices[model]</c>, else the Chat section's prices for the chat model, else 0.</summary>
    public decimal Cost(string model, long inputTokens, long outputTokens)
    {
        decimal input, output;
        if (usage.Prices.TryGetValue(model, out var price))
        {
            (input, output) = (price.InputPerMillion, price.OutputPerMillion);
        }
        else if (string.Equals(model, chat.Model, StringComparison.OrdinalIgnoreCase))
        {
            (input, output) = (chat.InputPricePerMillion, chat.OutputPricePerMillion);
        }
        else
        {
            return 0;
        }

        return ((inputTokens * input) + (outputTokens * output)) / 1_000_000m;
    }

    public Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken) => store.RecordAsync(entry, cancellationToken);
}
