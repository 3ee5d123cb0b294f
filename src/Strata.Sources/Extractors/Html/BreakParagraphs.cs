using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Turns runs of two or more <c>&lt;br&gt;</c> into paragraph boundaries, as Readability's prepDocument does.</summary>
internal static class BreakParagraphs
{
    public static void Apply(IDocument document, IElement root)
    {
        foreach (var br in root.GetElementsByTagName("br").ToArray())
        {
            if (br.Parent is null)
            {
                continue;
            }

            var replaced = false;
            var next = NextElement(br.NextSibling);
            while (next is IElement { LocalName: "br" } chained)
            {
                replaced = true;
                var after = chained.NextSibling;
                chained.Remove();
                next = NextElement(after);
            }

            if (!replaced)
            {
                continue;
            }

            var paragraph = document.CreateElement("p");
            br.Parent.ReplaceChild(paragraph, br);
            var sibling = paragraph.NextSibling;
            while (sibling is not null)
            {
                if (sibling is IElement { LocalName: "br" } && NextElement(sibling.NextSibling) is IElement { LocalName: "br" })
                {
                    break;
                }

                if (sibling is IElement element && !HtmlTags.IsPhrasingContent(element))
                {
                    break;
                }

                var following = sibling.NextSibling;
                paragraph.AppendChild(sibling);
                sibling = following;
            }

            while (paragraph.LastChild is { } last && HtmlTags.IsWhitespaceNode(last))
            {
                paragraph.RemoveChild(last);
            }

            if (paragraph.Parent is IElement { LocalName: "p" } outer)
            {
                DomEdits.Rename(document, outer, "div");
            }
        }
    }

    private static INode? NextElement(INode? node)
    {
        while (node is not null && node is not IElement && string.IsNullOrWhiteSpace(node.TextContent))
        {
            node = node.NextSibling;
        }

        return node;
    }
}
