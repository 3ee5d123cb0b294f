namespace Strata.Bench;

/// <summary>One line of the results table; <see cref="Pass"/> is null for figures without a target.</summary>
internal sealed record ReportRow(string Benchmark, string Metric, string Ours, string Baseline, string Ratio, string Target, bool? Pass);
