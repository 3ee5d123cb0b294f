using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Tag classifications used by the extractor, as switch lookups on lower-case local names.</summary>
internal static class HtmlTags
{
    /// <summary>Elements whose presence makes a <c>div</c> a container rather than a paragraph.</summary>
    public static bool IsDivToParagraphBlocker(string tag) => tag switch
    {
        "blockquote" or "dl" or "div" or "img" or "ol" or "p" or "pre" or "table" or "ul" or "figure"
            or "section" or "article" or "header" or "footer" or "aside" or "h1" or "h2" or "h3" or "h4" or "h5"
            or "h6" or "hr" or "main" or "nav" or "form" or "video" or "picture" => true,
        _ => false,
    };

    /// <summary>Phrasing content in the HTML sense (Readability's list), excluding the conditional a/del/ins.</summary>
    public static bool IsPhrasing(string tag) => tag switch
    {
        "abbr" or "audio" or "b" or "bdo" or "br" or "button" or "cite" or "code" or "data" or "datalist" or "dfn"
            or "em" or "embed" or "i" or "img" or "input" or "kbd" or "label" or "mark" or "math" or "meter"
            or "noscript" or "object" or "output" or "progress" or "q" or "ruby" or "samp" or "script" or "select"
            or "small" or "span" or "strong" or "sub" or "sup" or "textarea" or "time" or "var" or "wbr" or "u"
            or "s" or "strike" or "font" or "tt" or "big" or "picture" or "source" => true,
        _ => false,
    };

    /// <summary>Block-level elements for Markdown rendering.</summary>
    public static bool IsBlock(string tag) => tag switch
    {
        "p" or "div" or "section" or "article" or "main" or "header" or "footer" or "aside" or "nav" or "blockquote"
            or "pre" or "ul" or "ol" or "li" or "dl" or "dt" or "dd" or "table" or "thead" or "tbody" or "tfoot"
            or "tr" or "td" or "th" or "caption" or "figure" or "figcaption" or "h1" or "h2" or "h3" or "h4" or "h5"
            or "h6" or "hr" or "form" or "fieldset" or "address" or "details" or "summary" or "center" or "hgroup"
            or "body" or "dialog" or "menu" or "video" or "iframe" => true,
        _ => false,
    };

    public static int HeadingLevel(string tag) => tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6' ? tag[1] - '0' : 0;

    /// <summary>Elements never part of readable content.</summary>
    public static bool IsNeverContent(string tag) => tag switch
    {
        "script" or "style" or "noscript" or "template" or "link" or "meta" or "svg" or "canvas" or "object"
            or "embed" or "iframe" or "input" or "textarea" or "select" or "button" or "option" or "head" or "title"
            or "base" or "map" or "area" => true,
        _ => false,
    };

    public static bool IsWhitespaceNode(INode node) => node switch
    {
        IText text => string.IsNullOrWhiteSpace(text.Data),
        IElement element => element.LocalName == "br",
        _ => true,
    };

    public static bool IsPhrasingContent(INode node)
    {
        if (node is IText)
        {
            return true;
        }

        if (node is not IElement element)
        {
            return false;
        }

        var tag = element.LocalName;
        if (IsPhrasing(tag))
        {
            return true;
        }

        if (tag is not ("a" or "del" or "ins"))
        {
            return false;
        }

        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (!IsPhrasingContent(child) && child is IElement)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether any element under <paramref name="element"/> is block-level.</summary>
    public static bool HasBlockDescendant(IElement element)
    {
        for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (IsBlock(child.LocalName) || HasBlockDescendant(child))
            {
                return true;
            }
        }

        return false;
    }
}
