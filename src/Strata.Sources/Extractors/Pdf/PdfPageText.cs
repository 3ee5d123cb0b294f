using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace Strata.Sources.Extractors.Pdf;

/// <summary>
/// Turns one PDF page into paragraphs in reading order: words by nearest neighbour, blocks by
/// Docstrum, order by the unsupervised reading-order detector; lines of a block are joined with
/// spaces and hyphenated line breaks are mended. Thread-safe.
/// </summary>
internal static class PdfPageText
{
    private const double FontSizeJump = 0.15;

    /// <summary>The page's text blocks in reading order.</summary>
    public static IReadOnlyList<TextBlock> GetBlocks(Page page)
    {
        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters)
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        return [.. UnsupervisedReadingOrderDetector.Instance.Get(blocks).OrderBy(b => b.ReadingOrder)];
    }

    /// <summary>The page as paragraphs separated by blank lines.</summary>
    public static string ToText(IReadOnlyList<TextBlock> blocks)
    {
        var builder = new StringBuilder();
        foreach (var paragraph in blocks.SelectMany(SplitByFontSize))
        {
            var text = JoinLines(paragraph.Select(l => l.Text));
            if (text.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            builder.Append(text);
        }

        return builder.ToString();
    }

    /// <summary>Splits a block where the font size jumps, so a heading never runs into its paragraph.</summary>
    private static IEnumerable<List<TextLine>> SplitByFontSize(TextBlock block)
    {
        var current = new List<TextLine>();
        var currentSize = 0.0;
        foreach (var line in block.TextLines)
        {
            var size = FontSize(line);
            if (current.Count > 0 && Math.Abs(size - currentSize) > currentSize * FontSizeJump)
            {
                yield return current;
                current = [];
            }

            current.Add(line);
            currentSize = size;
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    /// <summary>Joins the lines of one paragraph, mending words hyphenated across a line break.</summary>
    internal static string JoinLines(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                var hyphenated = builder.Length > 1
                    && builder[^1] == '-'
                    && char.IsLetter(builder[^2])
                    && char.IsLower(line[0]);
                if (hyphenated)
                {
                    builder.Length--;
                }
                else
                {
                    builder.Append(' ');
                }
            }

            builder.Append(line);
        }

        return builder.ToString();
    }

    /// <summary>The average glyph size of a line, used to find a title by font size.</summary>
    public static double FontSize(TextLine line)
    {
        var letters = line.Words.SelectMany(w => w.Letters).ToList();
        return letters.Count == 0 ? 0 : letters.Average(l => l.PointSize);
    }
}
