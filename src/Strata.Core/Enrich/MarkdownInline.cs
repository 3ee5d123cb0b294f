using System.Text.RegularExpressions;

namespace Strata.Core.Enrich;

/// <summary>Turns a Markdown sentence into plain text: links keep their words, emphasis and list markers go.</summary>
internal static partial class MarkdownInline
{
    public static string ToPlain(string sentence)
    {
        var text = Link().Replace(sentence, "$1");
        text = Emphasis().Replace(text, string.Empty);
        text = ListMarker().Replace(text, string.Empty);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|`)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*(?:[-*+>]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
