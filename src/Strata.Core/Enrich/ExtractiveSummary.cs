namespace Strata.Core.Enrich;

/// <summary>What <see cref="ExtractiveSummarizer"/> chose: sentences in document order, their joined text, and the same sentences by rank.</summary>
public sealed record ExtractiveSummary(IReadOnlyList<SentenceSpan> Sentences, string Text, IReadOnlyList<string> KeyPoints);
