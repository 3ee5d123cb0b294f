using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// The first, document-wide pass: drops what can never be content (scripts, hidden and unlikely
/// elements, navigation), lifts a byline out, and turns text-only <c>div</c>s into paragraphs.
/// Returns the elements worth scoring, in document order.
/// </summary>
internal sealed class DocumentPreparer
{
    private const double SingleParagraphMaxLinkDensity = 0.25;
    private const double TitleSimilarityThreshold = 0.75;
    private const int EmptyCheckBudget = 256;

    private readonly IDocument _document;
    private readonly ExtractionFlags _flags;
    private readonly string? _title;
    private readonly List<IElement> _toScore = [];
    private readonly NodeStatsTable _linkStats = new();
    private bool _removeTitleHeader;

    public DocumentPreparer(IDocument document, ExtractionFlags flags, string? title)
    {
        _document = document;
        _flags = flags;
        _title = title;
        _removeTitleHeader = !string.IsNullOrWhiteSpace(title);
    }

    /// <summary>Text of the byline element found in the page, if any (already removed from it).</summary>
    public string? Byline { get; private set; }

    public List<IElement> Prepare(IElement root)
    {
        IElement? node = root;
        while (node is not null)
        {
            if (node != root && ShouldRemove(node))
            {
                node = RemoveAndGetNext(node, root);
                continue;
            }

            var tag = node.LocalName;
            if (tag is "section" or "h2" or "h3" or "h4" or "h5" or "h6" or "p" or "td" or "pre")
            {
                _toScore.Add(node);
            }

            if (tag == "div")
            {
                node = ConvertDiv(node);
            }

            node = NextNode(node, root, skipChildren: false);
        }

        return _toScore;
    }

    private bool ShouldRemove(IElement node)
    {
        var tag = node.LocalName;
        if (HtmlTags.IsNeverContent(tag) || !VisibilityRules.IsProbablyVisible(node))
        {
            return true;
        }

        if (node.GetAttribute("aria-modal") == "true" && node.GetAttribute("role") == "dialog")
        {
            return true;
        }

        var matchString = ClassPatterns.ClassAndId(node);
        if (CheckByline(node, matchString))
        {
            return true;
        }

        if (_removeTitleHeader && tag is "h1" or "h2" && TitleSimilarity.Similarity(_title!, node.TextContent) > TitleSimilarityThreshold)
        {
            _removeTitleHeader = false;
            return true;
        }

        if (_flags.HasFlag(ExtractionFlags.StripUnlikely))
        {
            if (tag is not ("body" or "a") && matchString.Length > 0 && ClassPatterns.IsUnlikely(matchString)
                && !HasAncestor(node, "table") && !HasAncestor(node, "code"))
            {
                return true;
            }

            if (tag == "nav" || node.GetAttribute("role") is "menu" or "menubar" or "complementary" or "navigation" or "alert" or "alertdialog" or "dialog")
            {
                return true;
            }
        }

        return tag is "div" or "section" or "header" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" && IsWithoutContent(node);
    }

    private bool CheckByline(IElement node, string matchString)
    {
        if (Byline is not null)
        {
            return false;
        }

        var isByline = node.GetAttribute("rel") == "author"
            || (node.GetAttribute("itemprop")?.Contains("author", StringComparison.Ordinal) ?? false)
            || (matchString.Length > 0 && ClassPatterns.IsByline(matchString));
        if (!isByline)
        {
            return false;
        }

        if (!BylineText.IsPlausible(node.TextContent))
        {
            return false;
        }

        Byline = BylineText.Of(node);
        return true;
    }

    private IElement ConvertDiv(IElement div)
    {
        WrapPhrasingRuns(div);
        if (HasSingleParagraph(div) && LinkDensity(div) < SingleParagraphMaxLinkDensity)
        {
            var paragraph = div.FirstElementChild!;
            div.Parent!.ReplaceChild(paragraph, div);
            _toScore.Add(paragraph);
            return paragraph;
        }

        if (!HasBlockDescendant(div))
        {
            var paragraph = DomEdits.Rename(_document, div, "p");
            _toScore.Add(paragraph);
            return paragraph;
        }

        return div;
    }

    private void WrapPhrasingRuns(IElement div)
    {
        IElement? paragraph = null;
        var child = div.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            if (HtmlTags.IsPhrasingContent(child))
            {
                if (paragraph is not null)
                {
                    paragraph.AppendChild(child);
                }
                else if (!HtmlTags.IsWhitespaceNode(child))
                {
                    paragraph = _document.CreateElement("p");
                    div.ReplaceChild(paragraph, child);
                    paragraph.AppendChild(child);
                }
            }
            else if (paragraph is not null)
            {
                TrimTrailingWhitespace(paragraph);
                paragraph = null;
            }

            child = next;
        }

        if (paragraph is not null)
        {
            TrimTrailingWhitespace(paragraph);
        }
    }

    private static void TrimTrailingWhitespace(IElement paragraph)
    {
        while (paragraph.LastChild is { } last && HtmlTags.IsWhitespaceNode(last))
        {
            paragraph.RemoveChild(last);
        }
    }

    private static bool HasSingleParagraph(IElement element)
    {
        if (element.ChildElementCount != 1 || element.FirstElementChild!.LocalName != "p")
        {
            return false;
        }

        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasBlockDescendant(IElement element)
    {
        for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (HtmlTags.IsDivToParagraphBlocker(child.LocalName) || HasBlockDescendant(child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Link density from figures measured once per subtree: the walk only edits nodes before the current one
    /// in document order, so the figures of a not-yet-visited element are still exact when it is reached.
    /// </summary>
    private double LinkDensity(IElement element) => _linkStats.Get(element).LinkDensity;

    private static bool IsWithoutContent(IElement node)
    {
        if (TextNormalizer.HasVisibleText(node, EmptyCheckBudget))
        {
            return false;
        }

        for (var child = node.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (child.LocalName is not ("br" or "hr"))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasAncestor(IElement node, string tag)
    {
        for (var parent = node.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName == tag)
            {
                return true;
            }
        }

        return false;
    }

    private static IElement? RemoveAndGetNext(IElement node, IElement root)
    {
        var next = NextNode(node, root, skipChildren: true);
        node.Remove();
        return next;
    }

    /// <summary>Depth-first successor of <paramref name="node"/> within <paramref name="root"/>.</summary>
    public static IElement? NextNode(IElement node, IElement root, bool skipChildren)
    {
        if (!skipChildren && node.FirstElementChild is { } first)
        {
            return first;
        }

        for (var current = node; current is not null && current != root; current = current.ParentElement)
        {
            if (current.NextElementSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }
}
