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

    /// <summary>Whether any text node under <paramref name="node"/> has a non-whitespace character.</summary>
    public static bool HasVisibleText(INode node)
    {
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                if (!string.IsNullOrWhiteSpace(text.Data))
                {
                    return true;
                }
            }
            else if (child is IElement && HasVisibleText(child))
            {
                return true;
            }
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
