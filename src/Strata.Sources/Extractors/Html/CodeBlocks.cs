using System.Text;
using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Renders a <c>pre</c> element as a fenced Markdown code block, keeping its whitespace.</summary>
internal static class CodeBlocks
{
    public static string Fence(IElement pre)
    {
        var text = new StringBuilder();
        AppendRaw(pre, text);
        var code = Normalize(text.ToString());
        var fence = code.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
        return fence + Language(pre) + "\n" + code + "\n" + fence;
    }

    /// <summary>Unifies line ends and non-breaking spaces, trims line ends and keeps at most one blank line in a row.</summary>
    private static string Normalize(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' ').Split('\n');
        var code = new StringBuilder(raw.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            blank = trimmed.Length == 0 ? blank + 1 : 0;
            if (blank > 1 || (blank == 1 && code.Length == 0))
            {
                continue;
            }

            code.Append(trimmed).Append('\n');
        }

        return code.ToString().TrimEnd();
    }

    private static void AppendRaw(INode node, StringBuilder text)
    {
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText data)
            {
                text.Append(data.Data);
            }
            else if (child is IElement element)
            {
                if (element.LocalName == "br")
                {
                    text.Append('\n');
                }
                else if (!HtmlTags.IsNeverContent(element.LocalName))
                {
                    AppendRaw(element, text);
                }
            }
        }
    }

    private static string Language(IElement pre)
    {
        var code = pre.FirstElementChild is { LocalName: "code" } child ? child : null;
        return LanguageOf(code?.ClassName) ?? LanguageOf(pre.ClassName) ?? string.Empty;
    }

    private static string? LanguageOf(string? className)
    {
        if (string.IsNullOrEmpty(className))
        {
            return null;
        }

        foreach (var part in className.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var prefix in (string[])["language-", "lang-"])
            {
                if (part.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && part.Length > prefix.Length)
                {
                    return part[prefix.Length..];
                }
            }
        }

        return null;
    }
}
