using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Readability's title rules for <c>&lt;title&gt;</c>: drop a trailing " | Site" part, fall back to a lone h1.</summary>
internal static class TitleHeuristics
{
    private const string Separators = "|-–—\\/>»";
    private const string HierarchicalSeparators = "\\/>»";
    private const int MinWords = 3;
    private const int ShortTitleWords = 4;
    private const int MaxTitleLength = 150;
    private const int MinTitleLength = 15;

    public static string? FromDocument(IDocument document)
    {
        var original = TextNormalizer.Collapse(document.QuerySelector("title")?.TextContent);
        var title = original;
        var hadHierarchical = false;
        var lastSeparator = LastSeparator(title);
        if (lastSeparator >= 0)
        {
            hadHierarchical = HasSeparator(title, HierarchicalSeparators);
            title = original[..lastSeparator];
            if (WordCount(title) < MinWords)
            {
                var first = FirstSeparator(original);
                title = original[(first + 2)..];
            }
        }
        else if (title.Contains(": ", StringComparison.Ordinal))
        {
            if (!HeadingEquals(document, title))
            {
                title = original[(original.LastIndexOf(':') + 1)..];
                if (WordCount(title) < MinWords)
                {
                    title = original[(original.IndexOf(':', StringComparison.Ordinal) + 1)..];
                }
                else if (WordCount(original[..original.IndexOf(':', StringComparison.Ordinal)]) > 5)
                {
                    title = original;
                }
            }
        }
        else if (title.Length is > MaxTitleLength or < MinTitleLength)
        {
            var headings = document.GetElementsByTagName("h1");
            if (headings.Length == 1)
            {
                title = TextNormalizer.Collapse(headings[0].TextContent);
            }
        }

        title = TextNormalizer.Collapse(title);
        var words = WordCount(title);
        if (words <= ShortTitleWords && (!hadHierarchical || words != WordCount(RemoveSeparators(original)) - 1)
            && !(lastSeparator >= 0 && HeadingEquals(document, title)))
        {
            title = original;
        }

        return title.Length == 0 ? null : title;
    }

    private static int LastSeparator(string title)
    {
        for (var i = title.Length - 2; i >= 1; i--)
        {
            if (IsSeparatorAt(title, i, Separators))
            {
                return i - 1;
            }
        }

        return -1;
    }

    private static int FirstSeparator(string title)
    {
        for (var i = 1; i < title.Length - 1; i++)
        {
            if (IsSeparatorAt(title, i, Separators))
            {
                return i - 1;
            }
        }

        return -1;
    }

    private static bool HasSeparator(string title, string separators)
    {
        for (var i = 1; i < title.Length - 1; i++)
        {
            if (IsSeparatorAt(title, i, separators))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSeparatorAt(string title, int i, string separators) =>
        title[i - 1] == ' ' && title[i + 1] == ' ' && separators.Contains(title[i], StringComparison.Ordinal);

    private static bool HeadingEquals(IDocument document, string title)
    {
        foreach (var heading in document.QuerySelectorAll("h1, h2"))
        {
            if (TextNormalizer.Collapse(heading.TextContent) == title)
            {
                return true;
            }
        }

        return false;
    }

    private static string RemoveSeparators(string title)
    {
        var chars = title.Where(c => !Separators.Contains(c, StringComparison.Ordinal)).ToArray();
        return new string(chars);
    }

    private static int WordCount(string text) => Math.Max(1, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
}
