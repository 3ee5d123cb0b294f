namespace Strata.Mcp.Results;

/// <summary>
/// An answer and its numbered sources (<c>[n]</c> in <see cref="Answer"/>). <see cref="Kind"/>: generated (by the chat
/// model), extractive (best passages, answering sentences in <c>**bold**</c>) or notfound.
/// </summary>
public sealed record AnswerView(string Question, string Kind, string Answer, IReadOnlyList<CitationView> Citations, string? Model, string? Notice);

public sealed record CitationView(int Number, string ItemId, string Title, string? Url, string? Path, int? Page, int Start, int Length, bool Cited, string Passage);

/// <summary>A digest of what arrived in a window, as Markdown (paged like item text).</summary>
public sealed record DigestView(DateTimeOffset Since, DateTimeOffset Until, string? Tag, int Items, TextWindow Markdown);
