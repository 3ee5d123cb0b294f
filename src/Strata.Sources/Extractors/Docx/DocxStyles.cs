using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Strata.Sources.Extractors.Docx;

/// <summary>
/// Answers the style questions the Markdown conversion asks of one document: the heading level of a
/// paragraph and whether a list level is numbered. Built once per document; read-only afterwards.
/// </summary>
internal sealed class DocxStyles
{
    private const int MaxHeadingLevel = 6;

    private readonly Dictionary<string, Style> _styles;
    private readonly Numbering? _numbering;

    public DocxStyles(MainDocumentPart mainPart)
    {
        _styles = mainPart.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, Style>(StringComparer.OrdinalIgnoreCase);
        _numbering = mainPart.NumberingDefinitionsPart?.Numbering;
    }

    /// <summary>1..6 for headings (Title counts as 1), 0 for body paragraphs.</summary>
    public int HeadingLevel(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var own = properties?.OutlineLevel?.Val?.Value;
        if (own is not null)
        {
            return ToHeadingLevel(own.Value);
        }

        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; styleId is not null && depth < 10; depth++)
        {
            var byName = LevelFromName(styleId);
            if (byName > 0)
            {
                return byName;
            }

            if (!_styles.TryGetValue(styleId, out var style))
            {
                return 0;
            }

            var byStyleName = LevelFromName(style.StyleName?.Val?.Value);
            if (byStyleName > 0)
            {
                return byStyleName;
            }

            var outline = style.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
            if (outline is not null)
            {
                return ToHeadingLevel(outline.Value);
            }

            styleId = style.BasedOn?.Val?.Value;
        }

        return 0;
    }

    /// <summary>The list level (0-based) and whether it is numbered, or null when not a list item.</summary>
    public (int Level, bool Numbered)? ListItem(Paragraph paragraph)
    {
        var numbering = paragraph.ParagraphProperties?.NumberingProperties;
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (numbering is null && styleId is not null && _styles.TryGetValue(styleId, out var style))
        {
            numbering = style.StyleParagraphProperties?.NumberingProperties;
        }

        var numId = numbering?.NumberingId?.Val?.Value;
        if (numId is null or 0)
        {
            return null;
        }

        var level = numbering!.NumberingLevelReference?.Val?.Value ?? 0;
        return (level, IsNumbered(numId.Value, level));
    }

    private bool IsNumbered(int numId, int level)
    {
        var instance = _numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var abstractNum = _numbering?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        var format = abstractNum?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level)?.NumberingFormat?.Val;
        return format is not null && format.Value != NumberFormatValues.Bullet && format.Value != NumberFormatValues.None;
    }

    private static int LevelFromName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return 0;
        }

        if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var compact = name.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact.StartsWith("heading", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(compact.AsSpan("heading".Length), out var level)
            && level is >= 1 and <= 9
                ? Math.Min(level, MaxHeadingLevel)
                : 0;
    }

    private static int ToHeadingLevel(int outlineLevel) =>
        outlineLevel is >= 0 and < 9 ? Math.Min(outlineLevel + 1, MaxHeadingLevel) : 0;
}
