using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace Strata.Sources.Extractors.Pdf;

/// <summary>Chooses a PDF's title: document information when meaningful, else the largest line of page 1.</summary>
internal static class PdfTitle
{
    private const int MaxTitleLength = 200;
    private const double LargerThanBodyFactor = 1.1;

    private static readonly string[] MeaninglessTitles = ["untitled", "untitled document", "title", "document", "microsoft word"];
    private static readonly string[] FileNameEndings = [".doc", ".docx", ".pdf", ".tex", ".dvi", ".odt", ".rtf", ".indd", ".ps"];

    public static string? Choose(string? declared, IReadOnlyList<TextBlock> firstPage)
    {
        var cleaned = declared?.Trim();
        return IsMeaningful(cleaned) ? cleaned : LargestLine(firstPage);
    }

    internal static bool IsMeaningful(string? title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength || !title.Any(char.IsLetterOrDigit))
        {
            return false;
        }

        if (MeaninglessTitles.Any(t => t.Equals(title, StringComparison.OrdinalIgnoreCase))
            || title.StartsWith("Microsoft Word - ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !FileNameEndings.Any(e => title.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private static string? LargestLine(IReadOnlyList<TextBlock> blocks)
    {
        var lines = blocks.SelectMany(b => b.TextLines)
            .Select(l => (Text: l.Text.Trim(), Size: PdfPageText.FontSize(l)))
            .Where(l => l.Text.Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var body = lines.Select(l => l.Size).Order().ElementAt(lines.Count / 2);
        var largest = lines.MaxBy(l => l.Size);
        if (lines.Count > 1 && largest.Size < body * LargerThanBodyFactor)
        {
            return null;
        }

        return largest.Text.Length <= MaxTitleLength ? largest.Text : null;
    }
}
