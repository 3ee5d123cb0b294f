namespace Strata.Mcp.Results;

/// <summary>
/// A slice of a long text. When <see cref="Truncated"/>, <see cref="NextOffset"/> is where the next call starts and
/// <see cref="Continuation"/> says how to make it: nothing is ever cut silently.
/// </summary>
public sealed record TextWindow(string Text, int Offset, int Length, int TotalChars, bool Truncated, int? NextOffset, string? Continuation);
