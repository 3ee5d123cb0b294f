using System.Text;
using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Whitespace handling shared by metadata and content code.</summary>
internal static class TextNormalizer
{
    /// <summary>Trims and collapses every whitespace run to one space.</summary>
    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether any text node under <paramref name="element"/> has a non-whitespace character. Gives up and
    /// answers true after <paramref name="budget"/> nodes, so callers asking about every element stay linear.
    /// </summary>
    public static bool HasVisibleText(IElement element, int budget)
    {
        INode? node = element.FirstChild;
        while (node is not null)
        {
            if (--budget < 0)
            {
                return true;
            }

            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return true;
            }

            if (node is IElement && node.FirstChild is { } first)
            {
                node = first;
                continue;
            }

            while (node is not null && node != element && node.NextSibling is null)
            {
                node = node.Parent;
            }

            node = node is null || node == element ? null : node.NextSibling;
        }

        return false;
    }

    /// <summary>The collapsed text of <paramref name="node"/>, or null when it has none.</summary>
    public static string? TextOrNull(INode? node)
    {
        var text = Collapse(node?.TextContent);
        return text.Length == 0 ? null : text;
    }
}
