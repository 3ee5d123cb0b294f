using Strata.Core.Extraction;

namespace Strata.Semantic.Chunking;

/// <summary>Splits text into paragraphs (blank-line separated) and Markdown headings, never across a page boundary.</summary>
internal static class TextBlocks
{
    public static List<TextBlock> Split(string text, IReadOnlyList<PageSpan> pages)
    {
        var blocks = new List<TextBlock>();
        if (pages.Count == 0)
        {
            AddParagraphs(blocks, text, 0, text.Length, null);
            return blocks;
        }

        foreach (var page in pages)
        {
            var start = Math.Clamp(page.Start, 0, text.Length);
            var end = Math.Clamp(page.Start + page.Length, start, text.Length);
            AddParagraphs(blocks, text, start, end, page.Number);
        }

        return blocks;
    }

    private static void AddParagraphs(List<TextBlock> blocks, string text, int start, int end, int? page)
    {
        var lineStart = start;
        var paragraphStart = -1;
        var paragraphEnd = -1;
        while (lineStart < end)
        {
            var newline = text.IndexOf('\n', lineStart, end - lineStart);
            var lineEnd = newline < 0 ? end : newline;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var trimmed = line.Trim();
            if (trimmed.IsEmpty)
            {
                Close(blocks, ref paragraphStart, paragraphEnd, page);
            }
            else if (trimmed[0] == '#')
            {
                // A heading is its own block and starts a section.
                Close(blocks, ref paragraphStart, paragraphEnd, page);
                blocks.Add(new TextBlock(lineStart + line.IndexOf(trimmed), lineStart + line.IndexOf(trimmed) + trimmed.Length, page, IsHeading: true));
            }
            else
            {
                if (paragraphStart < 0)
                {
                    paragraphStart = lineStart + line.IndexOf(trimmed);
                }

                paragraphEnd = lineStart + line.IndexOf(trimmed) + trimmed.Length;
            }

            lineStart = lineEnd + 1;
        }

        Close(blocks, ref paragraphStart, paragraphEnd, page);
    }

    private static void Close(List<TextBlock> blocks, ref int paragraphStart, int paragraphEnd, int? page)
    {
        if (paragraphStart >= 0 && paragraphEnd > paragraphStart)
        {
            blocks.Add(new TextBlock(paragraphStart, paragraphEnd, page, IsHeading: false));
        }

        paragraphStart = -1;
    }
}
