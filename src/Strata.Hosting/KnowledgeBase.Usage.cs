using System.Globalization;
using Strata.Core.Ledger;
using Strata.Hosting.Usage;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Every model call since <paramref name="since"/>, oldest first.</summary>
    public Task<IReadOnlyList<LedgerEntry>> ListLedgerAsync(DateTimeOffset since, CancellationToken cancellationToken) => _ledger.ListLedgerAsync(since, cancellationToken);

    /// <summary>Ledger totals since <paramref name="since"/>, grouped by purpose, model or UTC day, and today's use of each budget.</summary>
    public async Task<UsageReport> GetUsageAsync(DateTimeOffset since, UsageGrouping by, CancellationToken cancellationToken)
    {
        var entries = await _ledger.ListLedgerAsync(since, cancellationToken).ConfigureAwait(false);
        var rows = entries.GroupBy(entry => by switch
            {
                UsageGrouping.Model => $"{entry.Provider}/{entry.Model}",
                UsageGrouping.Day => entry.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => entry.Purpose,
            })
            .Select(group => Total(group.Key, group.ToArray()))
            .OrderBy(row => by == UsageGrouping.Day ? row.Key : string.Empty, StringComparer.Ordinal)
            .ThenByDescending(row => row.TotalTokens)
            .ToArray();
        var today = new DateTimeOffset(_time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var budgets = new Dictionary<string, (long Used, long Budget)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (purpose, budget) in Options.Usage.DailyTokenBudgets.Where(pair => pair.Value > 0))
        {
            budgets[purpose] = (await _ledger.SumTokensAsync(purpose, today, cancellationToken).ConfigureAwait(false), budget);
        }

        return new UsageReport(since, by, rows, Total("total", entries), budgets);
    }

    private static UsageRow Total(string key, IReadOnlyCollection<LedgerEntry> entries) => new(
        key, entries.Count, entries.Count(entry => entry.Cached), entries.Sum(entry => entry.InputTokens), entries.Sum(entry => entry.OutputTokens),
        entries.Sum(entry => entry.Cost), TimeSpan.FromTicks(entries.Sum(entry => entry.Latency.Ticks)));
}
