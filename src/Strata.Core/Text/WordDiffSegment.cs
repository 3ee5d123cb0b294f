namespace Strata.Core.Text;

/// <summary>A run of text that is kept, removed or added, for rendering word-level changes.</summary>
public sealed record WordDiffSegment(DiffOperation Operation, string Text);
