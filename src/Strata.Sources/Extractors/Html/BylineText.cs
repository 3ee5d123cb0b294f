using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Finds and reads byline elements: the author's name, preferring an <c>itemprop=name</c> inside.</summary>
internal static class BylineText
{
    private const int MaxLength = 100;

    public static bool IsPlausible(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is > 0 and < MaxLength;
    }

    /// <summary>The byline text of <paramref name="node"/>: its <c>itemprop=name</c> descendant when it has one.</summary>
    public static string Of(IElement node)
    {
        var next = DocumentPreparer.NextNode(node, node, skipChildren: false);
        while (next is not null)
        {
            if (next.GetAttribute("itemprop")?.Contains("name", StringComparison.Ordinal) ?? false)
            {
                var name = TextNormalizer.Collapse(next.TextContent);
                if (name.Length > 0)
                {
                    return name;
                }
            }

            next = DocumentPreparer.NextNode(next, node, skipChildren: false);
        }

        return TextNormalizer.Collapse(node.TextContent);
    }

    /// <summary>
    /// The first element that declares itself the author (<c>rel=author</c> or <c>itemprop=author</c>) with
    /// short visible text, searched over the whole page; used when neither metadata nor the content walk found one.
    /// </summary>
    public static string? Declared(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[rel~='author'], [itemprop~='author']"))
        {
            if (element.LocalName != "meta" && element.LocalName != "link" && IsPlausible(element.TextContent))
            {
                return Of(element);
            }
        }

        return null;
    }
}
