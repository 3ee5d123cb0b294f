namespace Strata.Core.Enrich;

/// <summary>A sentence found by <see cref="SentenceSplitter"/>: its place in the original text.</summary>
public readonly record struct SentenceSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}
