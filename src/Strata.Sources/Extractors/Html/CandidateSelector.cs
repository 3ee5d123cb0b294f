using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// The Readability-style scoring pass: paragraphs give points (length, commas) to their ancestors,
/// scores are damped by link density, the best container wins, and its related siblings join it.
/// </summary>
internal sealed class CandidateSelector(IDocument document, NodeStatsTable stats, ExtractionFlags flags)
{
    private const int MinParagraphLength = 25;
    private const int AncestorDepth = 5;
    private const int TopCandidateCount = 5;
    private const int MinAlternativeCandidates = 3;
    private const double AlternativeScoreRatio = 0.75;
    private const double SiblingScoreShare = 0.2;
    private const int MinSiblingScore = 10;
    private const int SiblingParagraphLength = 80;
    private const double SiblingMaxLinkDensity = 0.25;

    /// <summary>Scores <paramref name="toScore"/> and returns a new container holding the chosen content.</summary>
    public IElement Select(IElement body, List<IElement> toScore)
    {
        var candidates = Score(toScore);
        var top = TopCandidates(candidates);
        var topCandidate = top.Count > 0 ? top[0] : null;
        if (topCandidate is null || topCandidate.LocalName == "body")
        {
            topCandidate = document.CreateElement("div");
            while (body.FirstChild is { } child)
            {
                topCandidate.AppendChild(child);
            }

            body.AppendChild(topCandidate);
            Initialize(topCandidate);
        }
        else
        {
            topCandidate = ClimbToBetterParent(topCandidate, top);
        }

        return JoinSiblings(topCandidate);
    }

    private List<IElement> Score(List<IElement> toScore)
    {
        var candidates = new List<IElement>();
        foreach (var element in toScore)
        {
            if (element.ParentElement is null)
            {
                continue;
            }

            var own = stats.Get(element);
            if (own.TextLength < MinParagraphLength)
            {
                continue;
            }

            var contentScore = 1 + own.Commas + 1 + Math.Min(own.TextLength / 100, 3);
            var ancestor = element.ParentElement;
            for (var level = 0; level < AncestorDepth && ancestor?.ParentElement is not null; level++)
            {
                var ancestorStats = stats.Get(ancestor);
                if (!ancestorStats.IsCandidate)
                {
                    Initialize(ancestor);
                    candidates.Add(ancestor);
                }

                var divider = level switch
                {
                    0 => 1,
                    1 => 2,
                    _ => level * 3,
                };
                ancestorStats.Score += (double)contentScore / divider;
                ancestor = ancestor.ParentElement;
            }
        }

        return candidates;
    }

    private List<IElement> TopCandidates(List<IElement> candidates)
    {
        var top = new List<IElement>(TopCandidateCount + 1);
        foreach (var candidate in candidates)
        {
            var candidateStats = stats.Get(candidate);
            candidateStats.Score *= 1 - candidateStats.LinkDensity;
            for (var i = 0; i < TopCandidateCount; i++)
            {
                if (i == top.Count || candidateStats.Score > stats.Get(top[i]).Score)
                {
                    top.Insert(i, candidate);
                    if (top.Count > TopCandidateCount)
                    {
                        top.RemoveAt(top.Count - 1);
                    }

                    break;
                }
            }
        }

        return top;
    }

    private IElement ClimbToBetterParent(IElement topCandidate, List<IElement> top)
    {
        var topScore = stats.Get(topCandidate).Score;
        var alternatives = new List<HashSet<IElement>>();
        for (var i = 1; i < top.Count; i++)
        {
            if (topScore > 0 && stats.Get(top[i]).Score / topScore >= AlternativeScoreRatio)
            {
                alternatives.Add(Ancestors(top[i]));
            }
        }

        if (alternatives.Count >= MinAlternativeCandidates)
        {
            for (var parent = topCandidate.ParentElement; parent is not null && parent.LocalName != "body"; parent = parent.ParentElement)
            {
                var containing = 0;
                foreach (var list in alternatives)
                {
                    containing += list.Contains(parent) ? 1 : 0;
                }

                if (containing >= MinAlternativeCandidates)
                {
                    topCandidate = parent;
                    break;
                }
            }
        }

        Initialize(topCandidate);
        var lastScore = stats.Get(topCandidate).Score;
        var threshold = lastScore / 3;
        for (var parent = topCandidate.ParentElement; parent is not null && parent.LocalName != "body"; parent = parent.ParentElement)
        {
            if (!stats.TryGet(parent, out var parentStats) || !parentStats.IsCandidate)
            {
                continue;
            }

            if (parentStats.Score < threshold)
            {
                break;
            }

            if (parentStats.Score > lastScore)
            {
                topCandidate = parent;
                break;
            }

            lastScore = parentStats.Score;
        }

        while (topCandidate.ParentElement is { } onlyChildParent && onlyChildParent.LocalName != "body" && onlyChildParent.ChildElementCount == 1)
        {
            topCandidate = onlyChildParent;
        }

        Initialize(topCandidate);
        return topCandidate;
    }

    private IElement JoinSiblings(IElement topCandidate)
    {
        var article = document.CreateElement("div");
        var topStats = stats.Get(topCandidate);
        var threshold = Math.Max(MinSiblingScore, topStats.Score * SiblingScoreShare);
        var parent = topCandidate.ParentElement;
        if (parent is null)
        {
            article.AppendChild(topCandidate);
            return article;
        }

        var topClass = topCandidate.ClassName ?? string.Empty;
        var sibling = parent.FirstElementChild;
        while (sibling is not null)
        {
            var next = sibling.NextElementSibling;
            if (sibling == topCandidate || IsRelatedSibling(sibling, topClass, topStats.Score, threshold))
            {
                var moved = sibling.LocalName is "div" or "article" or "section" or "p" ? sibling : DomEdits.Rename(document, sibling, "div");
                article.AppendChild(moved);
            }

            sibling = next;
        }

        return article;
    }

    private bool IsRelatedSibling(IElement sibling, string topClass, double topScore, double threshold)
    {
        var bonus = topClass.Length > 0 && sibling.ClassName == topClass ? topScore * SiblingScoreShare : 0;
        var siblingStats = stats.Get(sibling);
        if (siblingStats.IsCandidate && siblingStats.Score + bonus >= threshold)
        {
            return true;
        }

        if (sibling.LocalName != "p")
        {
            return false;
        }

        var length = siblingStats.TextLength;
        if (length > SiblingParagraphLength)
        {
            return siblingStats.LinkDensity < SiblingMaxLinkDensity;
        }

        if (length == 0 || siblingStats.LinkDensity > 0)
        {
            return false;
        }

        var text = sibling.TextContent.TrimEnd();
        return text.EndsWith('.') || text.Contains(". ", StringComparison.Ordinal);
    }

    private void Initialize(IElement element)
    {
        var elementStats = stats.Get(element);
        if (elementStats.IsCandidate)
        {
            return;
        }

        elementStats.IsCandidate = true;
        elementStats.Score = TagScore(element.LocalName)
            + (flags.HasFlag(ExtractionFlags.WeightClasses) ? ClassPatterns.Weight(element) : 0);
    }

    private static int TagScore(string tag) => tag switch
    {
        "div" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    private static HashSet<IElement> Ancestors(IElement element)
    {
        var set = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            set.Add(parent);
        }

        return set;
    }
}
