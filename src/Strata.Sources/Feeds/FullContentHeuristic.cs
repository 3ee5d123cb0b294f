namespace Strata.Sources.Feeds;

/// <summary>
/// Decides whether a feed entry carries the whole article. With separate content: its text is at least
/// <see cref="MinContentLength"/> characters and either clearly longer than the summary (× <see cref="LongerFactor"/>)
/// or long in itself (<see cref="LongContentLength"/>, for feeds that repeat the article in both). With a summary
/// only: at least <see cref="LongContentLength"/> characters. Either way, text ending in a "read more" marker is
/// an excerpt. A heuristic: an article of 400 characters is judged incomplete, and a 2,500-character excerpt without
/// a marker is judged complete.
/// </summary>
public static class FullContentHeuristic
{
    public const int MinContentLength = 500;
    public const int LongContentLength = 2000;
    public const double LongerFactor = 1.5;

    private static readonly string[] TruncationMarkers =
        ["…", "...", "[…]", "[...]", "read more", "continue reading", "read the rest", "more »", "(more)"];

    /// <summary>True when <paramref name="contentHtml"/> (or, lacking it, <paramref name="summary"/>) is the full text.</summary>
    public static bool IsFull(string? contentHtml, string? summary)
    {
        var summaryText = HtmlText.ToPlainText(summary);
        if (contentHtml is null)
        {
            return summaryText.Length >= LongContentLength && !IsTruncated(summaryText);
        }

        var contentText = HtmlText.ToPlainText(contentHtml);
        if (contentText.Length < MinContentLength || IsTruncated(contentText))
        {
            return false;
        }

        return contentText.Length >= summaryText.Length * LongerFactor || contentText.Length >= LongContentLength;
    }

    private static bool IsTruncated(string text) =>
        TruncationMarkers.Any(marker => text.EndsWith(marker, StringComparison.OrdinalIgnoreCase));
}
