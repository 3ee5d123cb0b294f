using System.Text.RegularExpressions;

namespace Strata.Sources.Extractors.Sniffing;

/// <summary>Recognises Markdown by YAML front matter or by its typical line shapes.</summary>
internal static partial class MarkdownSniffer
{
    /// <summary>Whether the text opens with a <c>---</c> YAML block that closes and holds a <c>key:</c> line.</summary>
    public static bool StartsWithFrontMatter(string text) => FrontMatter().IsMatch(text);

    /// <summary>Whether the text has ATX headings plus list items or inline links.</summary>
    public static bool LooksLikeMarkdown(string text)
    {
        var headings = AtxHeading().Count(text);
        if (headings == 0)
        {
            return false;
        }

        var listsAndLinks = ListItem().Count(text) + InlineLink().Count(text);
        return listsAndLinks > 0;
    }

    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\r?\n(?:[^\r\n]*\r?\n)*?[A-Za-z_][\w-]*[ \t]*:[^\r\n]*\r?\n(?:[^\r\n]*\r?\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^#{1,6}[ \t]+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\[[^\]\r\n]+\]\([^)\s]+\)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineLink();
}
