namespace Strata.Hosting.Retrieval;

/// <summary>What one <c>strata embed</c> run did.</summary>
/// <param name="Model">The model key vectors were stored under; null when no model is configured.</param>
/// <param name="ItemsChunked">Items that got passages now (stored before chunking existed).</param>
/// <param name="Embedded">Passages embedded in this run.</param>
/// <param name="AlreadyEmbedded">Passages whose vectors were already cached for this model.</param>
/// <param name="InputTokens">Tokens the model reported reading (0 when it reports none).</param>
/// <param name="Error">Why the run stopped early, if it did; everything embedded before is kept.</param>
public sealed record EmbedReport(string? Model, int ItemsChunked, int Embedded, int AlreadyEmbedded, long InputTokens, string? Error);

/// <summary>Progress of an embedding run: passages done out of passages to do.</summary>
public readonly record struct EmbedProgress(int Done, int Total);
