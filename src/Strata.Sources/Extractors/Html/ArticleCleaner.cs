using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// Cleans the chosen content: drops forms, asides, share widgets and link-heavy or
/// otherwise shady containers, keeping data tables and image lists.
/// </summary>
internal sealed class ArticleCleaner(NodeStatsTable stats, ExtractionFlags flags)
{
    private const int ShareTextLimit = 500;
    private const int MaxCommasForCleaning = 10;
    private const int ListItemAllowance = 100;
    private const double ListTextShare = 0.9;
    private const double HeadingDensityLimit = 0.9;
    private const int ShortContent = 25;
    private const int ShortEmbedContent = 75;
    private const double MaxLinkDensity = 0.2;
    private const double MaxLinkDensityWeighted = 0.5;

    private IElement _article = null!;
    private HashSet<IElement> _dataTables = null!;

    public void Clean(IElement article)
    {
        _article = article;
        stats.Measure(article);
        var byTag = CollectByTag(article);
        _dataTables = DataTables.Find(Tagged(byTag, "table"));

        CleanConditionally(Tagged(byTag, "form"), "form");
        CleanConditionally(Tagged(byTag, "fieldset"), "fieldset");
        RemoveAll(Tagged(byTag, "footer"));
        RemoveAll(Tagged(byTag, "aside"));
        RemoveShareWidgets(article);
        foreach (var tag in (string[])["h1", "h2"])
        {
            foreach (var heading in Tagged(byTag, tag))
            {
                if (IsAttached(heading) && flags.HasFlag(ExtractionFlags.WeightClasses) && ClassPatterns.Weight(heading) < 0)
                {
                    stats.Remove(heading);
                }
            }
        }

        CleanConditionally(Tagged(byTag, "table"), "table");
        CleanConditionally(Tagged(byTag, "ul"), "ul");
        CleanConditionally(Tagged(byTag, "div"), "div");
    }

    private void CleanConditionally(List<IElement> elements, string tag)
    {
        if (!flags.HasFlag(ExtractionFlags.CleanConditionally))
        {
            return;
        }

        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            if (IsAttached(element) && ShouldRemove(element, tag))
            {
                stats.Remove(element);
            }
        }
    }

    private bool ShouldRemove(IElement node, string tag)
    {
        var nodeStats = stats.Get(node);
        var isList = tag is "ul" or "ol"
            || (nodeStats.TextLength > 0 && (double)nodeStats.ListTextLength / nodeStats.TextLength > ListTextShare);
        if (_dataTables.Contains(node) || HasAncestor(node, a => _dataTables.Contains(a) || a.LocalName == "code")
            || ContainsDataTable(node))
        {
            return false;
        }

        var weight = flags.HasFlag(ExtractionFlags.WeightClasses) ? ClassPatterns.Weight(node) : 0;
        if (weight < 0)
        {
            return true;
        }

        if (nodeStats.Commas >= MaxCommasForCleaning)
        {
            return false;
        }

        var paragraphs = nodeStats.Paragraphs;
        var images = nodeStats.Images;
        var listItems = nodeStats.ListItems - ListItemAllowance;
        var length = nodeStats.TextLength;
        var headingDensity = length == 0 ? 0 : (double)nodeStats.HeadingTextLength / length;
        var linkDensity = nodeStats.LinkDensity;
        var isFigureChild = HasAncestor(node, a => a.LocalName == "figure");
        if (length > 0 && length < ShortContent && IsAdOrLoadingText(node))
        {
            return true;
        }

        var remove = (!isFigureChild && images > 1 && (double)paragraphs / images < 0.5)
            || (!isList && listItems > paragraphs)
            || (nodeStats.Inputs > paragraphs / 3)
            || (!isList && !isFigureChild && headingDensity < HeadingDensityLimit && length < ShortContent && (images == 0 || images > 2) && linkDensity > 0)
            || (!isList && weight < ClassPatterns.ClassWeightUnit && linkDensity > MaxLinkDensity)
            || (weight >= ClassPatterns.ClassWeightUnit && linkDensity > MaxLinkDensityWeighted)
            || (nodeStats.Embeds == 1 && length < ShortEmbedContent) || nodeStats.Embeds > 1
            || (images == 0 && nodeStats.TextishLength == 0 && length > 0);
        if (isList && remove && IsImageList(node, images))
        {
            return false;
        }

        return remove;
    }

    private static bool IsImageList(IElement list, int images)
    {
        var items = 0;
        for (var child = list.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (child.ChildElementCount > 1)
            {
                return false;
            }

            items++;
        }

        return items > 0 && images == items;
    }

    private static bool IsAdOrLoadingText(IElement node)
    {
        var text = TextNormalizer.Collapse(node.TextContent).TrimEnd('.', '…').ToLowerInvariant();
        return text is "ad" or "ads" or "advertising" or "advertisement" or "publicité" or "werbung" or "广告" or "реклама"
            or "anuncio" or "loading" or "正在加载" or "загрузка" or "chargement" or "cargando";
    }

    private void RemoveShareWidgets(IElement article)
    {
        for (var top = article.FirstElementChild; top is not null; top = top.NextElementSibling)
        {
            var node = DocumentPreparer.NextNode(top, top, skipChildren: false);
            while (node is not null)
            {
                var matchString = ClassPatterns.ClassAndId(node);
                if (matchString.Length > 0 && ClassPatterns.IsShare(matchString) && stats.Get(node).TextLength < ShareTextLimit)
                {
                    var next = DocumentPreparer.NextNode(node, top, skipChildren: true);
                    stats.Remove(node);
                    node = next;
                    continue;
                }

                node = DocumentPreparer.NextNode(node, top, skipChildren: false);
            }
        }
    }

    private void RemoveAll(List<IElement> elements)
    {
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            if (IsAttached(elements[i]))
            {
                stats.Remove(elements[i]);
            }
        }
    }

    private bool ContainsDataTable(IElement node)
    {
        foreach (var table in _dataTables)
        {
            if (node.Contains(table))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAttached(IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current == _article)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAncestor(IElement node, Func<IElement, bool> predicate)
    {
        for (var parent = node.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (predicate(parent))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, List<IElement>> CollectByTag(IElement root)
    {
        var byTag = new Dictionary<string, List<IElement>>(StringComparer.Ordinal);
        var node = DocumentPreparer.NextNode(root, root, skipChildren: false);
        while (node is not null)
        {
            var tag = node.LocalName;
            if (tag is "form" or "fieldset" or "footer" or "aside" or "h1" or "h2" or "table" or "ul" or "div")
            {
                if (!byTag.TryGetValue(tag, out var list))
                {
                    list = [];
                    byTag[tag] = list;
                }

                list.Add(node);
            }

            node = DocumentPreparer.NextNode(node, root, skipChildren: false);
        }

        return byTag;
    }

    private static List<IElement> Tagged(Dictionary<string, List<IElement>> byTag, string tag) =>
        byTag.TryGetValue(tag, out var list) ? list : [];
}
