using Strata.Core.Summaries;

namespace Strata.Hosting.Summaries;

/// <summary>A summary and, when the model was configured but not used, why (said once per run).</summary>
public sealed record SummaryOutcome(Summary Summary, string? Notice);

/// <summary>One source of a set summary: <c>[Number]</c> in the text is this item.</summary>
public sealed record SetSummarySource(int Number, string ItemId, string Title, string? Url, string? Path);

/// <summary>One text summarizing several items, citing them as [n].</summary>
public sealed record SetSummary(string Text, IReadOnlyList<SetSummarySource> Sources, string Method, string? Model, string? Notice);

/// <summary>What a pass over items without a summary did.</summary>
public sealed record MissingSummariesReport(int Summarized, int Abstractive, int Extractive, IReadOnlyList<string> Failures, string? Notice);
