namespace Strata.Core.Summaries;

/// <summary>A stored summary of one item: how it was made (<see cref="Method"/>, <see cref="Model"/>), its text and key points.</summary>
/// <param name="ItemId">The item summarized.</param>
/// <param name="Method"><see cref="SummaryMethods.Extractive"/> or <see cref="SummaryMethods.Abstractive"/>.</param>
/// <param name="Model">The model that wrote it (null for the extractive method).</param>
/// <param name="Text">The summary.</param>
/// <param name="KeyPoints">Short points; extractive summaries use their top sentences.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record Summary(string ItemId, string Method, string? Model, string Text, IReadOnlyList<string> KeyPoints, DateTimeOffset CreatedAt)
{
    /// <summary>The first sentence-like line, for one-line listings (digests).</summary>
    public string OneLine(int maxChars)
    {
        var text = Text.ReplaceLineEndings(" ").Trim();
        return text.Length <= maxChars ? text : text[..Math.Max(0, maxChars - 1)].TrimEnd() + "…";
    }
}

/// <summary>The names summaries record as their method.</summary>
public static class SummaryMethods
{
    /// <summary>Sentences chosen from the text by graph ranking with redundancy control; no model.</summary>
    public const string Extractive = "extractive";

    /// <summary>Written by a chat model.</summary>
    public const string Abstractive = "abstractive";
}
