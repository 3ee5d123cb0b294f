using System.Text.RegularExpressions;

namespace Strata.Core.Enrich;

/// <summary>Turns a Markdown sentence into plain text: links keep their words, emphasis and list markers go.</summary>
internal static partial class MarkdownInline
{
    /// <summary>Sentences up to this long are collapsed on the stack.</summary>
    private const int StackLimit = 512;

    public static string ToPlain(string sentence)
    {
        // Each pattern runs only when the sentence has the characters it needs: most sentences have none.
        var text = sentence.Contains('[', StringComparison.Ordinal) ? Link().Replace(sentence, "$1") : sentence;
        if (text.Contains("**", StringComparison.Ordinal) || text.Contains("__", StringComparison.Ordinal) || text.Contains('`', StringComparison.Ordinal))
        {
            text = Emphasis().Replace(text, string.Empty);
        }

        if (MayStartWithListMarker(text))
        {
            text = ListMarker().Replace(text, string.Empty);
        }

        return CollapseWhitespace(text);
    }

    /// <summary>Whether the first character after leading whitespace could begin a list marker (<c>- * + &gt;</c> or a digit).</summary>
    private static bool MayStartWithListMarker(string text)
    {
        var first = text.AsSpan().TrimStart();
        return !first.IsEmpty && (first[0] is '-' or '*' or '+' or '>' || char.IsDigit(first[0]));
    }

    /// <summary>Every run of whitespace becomes one space, then the ends are trimmed (what <c>\s+</c> → " " and <c>Trim</c> did).</summary>
    private static string CollapseWhitespace(string text)
    {
        var buffer = text.Length <= StackLimit ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var inSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                if (!inSpace)
                {
                    buffer[length++] = ' ';
                    inSpace = true;
                }
            }
            else
            {
                buffer[length++] = character;
                inSpace = false;
            }
        }

        return buffer[..length].Trim().ToString();
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|`)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*(?:[-*+>]|\d+[.)])\s+")]
    private static partial Regex ListMarker();
}
