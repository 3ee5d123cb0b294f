namespace Strata.Core.Search;

/// <summary>A span of the original text that matches query term number <paramref name="TermId"/>.</summary>
internal readonly record struct SnippetMatch(int Start, int End, int TermId);
