namespace Strata.Core.Enrich;

/// <summary>
/// Splits Markdown-ish text into sentences for English and Chinese (and text like them): a sentence ends at
/// <c>. ! ?</c> followed by a space or the end of a paragraph (not after a one-letter initial or a known
/// abbreviation), or right after <c>。！？；</c> and any closing quotes. Headings, code blocks and table rows are
/// skipped; each list item is a paragraph of its own. Pure and thread-safe; never throws.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "fig", "no", "al", "approx", "cf", "st", "jr", "sr", "inc", "ltd",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationsBySpan = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        var sentences = new List<SentenceSpan>();
        var inFence = false;
        var blockStart = -1;
        var blockEnd = -1;
        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(position, lineEnd - position).Trim();
            if (line.StartsWith("```") || line.StartsWith("~~~"))
            {
                inFence = !inFence;
                Flush();
            }
            else if (inFence || line.IsEmpty || line[0] is '#' or '|' || line.StartsWith("!["))
            {
                Flush();
            }
            else
            {
                if (StartsListItem(line))
                {
                    Flush();
                }

                if (blockStart < 0)
                {
                    blockStart = position;
                }

                blockEnd = lineEnd;
            }

            position = lineEnd + 1;
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (blockStart >= 0)
            {
                SplitBlock(text, blockStart, blockEnd, sentences);
            }

            blockStart = -1;
        }
    }

    private static bool StartsListItem(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && line[0] is '-' or '*' or '+' or '>' && line[1] == ' ')
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ';
    }

    private static void SplitBlock(string text, int start, int end, List<SentenceSpan> sentences)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            int boundary;
            if (c is '。' or '！' or '？' or '；' or '!' or '?' && (c > 127 || i + 1 >= end || char.IsWhiteSpace(text[i + 1]) || IsClosing(text[i + 1])))
            {
                boundary = SkipClosing(text, i + 1, end);
            }
            else if (c == '.' && (i + 1 >= end || char.IsWhiteSpace(text[i + 1]) || IsClosing(text[i + 1])) && !IsAbbreviation(text, sentenceStart, i))
            {
                boundary = SkipClosing(text, i + 1, end);
            }
            else
            {
                continue;
            }

            Add(text, sentenceStart, boundary, sentences);
            sentenceStart = boundary;
            i = boundary - 1;
        }

        Add(text, sentenceStart, end, sentences);
    }

    private static bool IsClosing(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '」' or '』' or '）' or '*' or '_';

    private static int SkipClosing(string text, int position, int end)
    {
        while (position < end && IsClosing(text[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary>Whether the word before the period at <paramref name="dot"/> is an initial or an abbreviation.</summary>
    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return AbbreviationsBySpan.Contains(word);
    }

    private static void Add(string text, int start, int end, List<SentenceSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new SentenceSpan(start, end - start));
        }
    }
}
