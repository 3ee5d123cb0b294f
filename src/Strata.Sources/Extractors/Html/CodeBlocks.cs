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
        var code = text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').TrimEnd();
        var fence = code.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
        return fence + Language(pre) + "\n" + code + "\n" + fence;
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
