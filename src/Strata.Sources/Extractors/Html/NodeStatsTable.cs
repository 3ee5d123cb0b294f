using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// Per-element text statistics computed bottom-up in one pass, so scoring never re-reads text.
/// Removing an element through <see cref="Remove"/> keeps the ancestors' figures current.
/// </summary>
internal sealed class NodeStatsTable
{
    private const double HashLinkWeight = 0.3;

    private readonly Dictionary<IElement, NodeStats> _stats = new(ReferenceEqualityComparer.Instance);

    /// <summary>Measures <paramref name="root"/> and everything under it.</summary>
    public NodeStats Measure(IElement root) => Compute(root);

    /// <summary>The figures of <paramref name="element"/>, measuring it first when it is new.</summary>
    public NodeStats Get(IElement element) =>
        _stats.TryGetValue(element, out var stats) ? stats : Compute(element);

    public bool TryGet(IElement element, out NodeStats stats) => _stats.TryGetValue(element, out stats!);

    /// <summary>Detaches <paramref name="element"/> and subtracts its figures from its measured ancestors.</summary>
    public void Remove(IElement element)
    {
        if (_stats.TryGetValue(element, out var removed))
        {
            for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
            {
                if (_stats.TryGetValue(ancestor, out var stats))
                {
                    stats.Subtract(removed);
                }
            }
        }

        element.Remove();
    }

    /// <summary>Length of <paramref name="data"/> with whitespace runs counted once; 0 for blank text.</summary>
    public static int MeasureText(string data, out int commas)
    {
        commas = 0;
        var length = 0;
        var inSpace = false;
        var visible = 0;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    length++;
                    inSpace = true;
                }

                continue;
            }

            inSpace = false;
            length++;
            visible++;
            if (c is ',' or '\u060C' or '\uFE50' or '\uFE10' or '\uFE11' or '\u2E41' or '\u2E34' or '\u2E32' or '\uFF0C' or '\u3001')
            {
                commas++;
            }
        }

        return visible == 0 ? 0 : length;
    }

    private NodeStats Compute(IElement element)
    {
        var stats = new NodeStats();
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                stats.TextLength += MeasureText(text.Data, out var commas);
                stats.Commas += commas;
            }
            else if (child is IElement childElement)
            {
                var childStats = Compute(childElement);
                stats.Add(childStats);
                CountTag(stats, childElement.LocalName, childStats);
            }
        }

        if (element.LocalName == "a")
        {
            var href = element.GetAttribute("href");
            var weight = href is not null && href.StartsWith('#') ? HashLinkWeight : 1;
            stats.LinkLength = stats.TextLength * weight;
        }

        _stats[element] = stats;
        return stats;
    }

    private static void CountTag(NodeStats stats, string tag, NodeStats childStats)
    {
        switch (tag)
        {
            case "p":
                stats.Paragraphs++;
                stats.TextishLength += childStats.TextLength;
                break;
            case "img":
                stats.Images++;
                break;
            case "li":
                stats.ListItems++;
                stats.TextishLength += childStats.TextLength;
                break;
            case "ul" or "ol":
                stats.ListTextLength += childStats.TextLength;
                stats.TextishLength += childStats.TextLength;
                break;
            case "span" or "td" or "blockquote" or "dl" or "div" or "pre" or "table":
                stats.TextishLength += childStats.TextLength;
                break;
            case "input":
                stats.Inputs++;
                break;
            case "embed" or "object" or "iframe":
                stats.Embeds++;
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                stats.HeadingTextLength += childStats.TextLength;
                break;
            default:
                break;
        }
    }
}
