namespace Strata.Hosting.Usage;

/// <summary>Totals of model calls under one key (a purpose, a model or a day).</summary>
public sealed record UsageRow(string Key, int Calls, int CachedCalls, long InputTokens, long OutputTokens, decimal Cost, TimeSpan Latency)
{
    public long TotalTokens => InputTokens + OutputTokens;
}

/// <summary>How <c>strata usage</c> groups the ledger.</summary>
public enum UsageGrouping
{
    Purpose,
    Model,
    Day,
}

/// <summary>The ledger since a time, grouped, with budgets left today per purpose.</summary>
public sealed record UsageReport(DateTimeOffset Since, UsageGrouping By, IReadOnlyList<UsageRow> Rows, UsageRow Total, IReadOnlyDictionary<string, (long Used, long Budget)> BudgetsToday);
