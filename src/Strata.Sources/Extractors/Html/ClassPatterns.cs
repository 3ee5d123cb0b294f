using System.Buffers;
using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>
/// Keyword tests on an element's class and id (the Readability vocabulary), done with multi-string
/// <see cref="SearchValues{T}"/> searches instead of per-node regular expressions.
/// </summary>
internal static class ClassPatterns
{
    public const int ClassWeightUnit = 25;

    private static readonly SearchValues<string> Unlikely = Create(
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "consent", "newsletter");

    private static readonly SearchValues<string> MaybeCandidate = Create(
        "and", "article", "body", "column", "content", "main", "mathjax", "shadow");

    private static readonly SearchValues<string> Positive = Create(
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story");

    private static readonly SearchValues<string> Negative = Create(
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget", "cookie", "newsletter");

    private static readonly SearchValues<string> Byline = Create("byline", "author", "dateline", "writtenby", "p-author");

    private static readonly SearchValues<string> Share = Create("share", "sharing", "social");

    public static bool IsUnlikely(string classAndId) =>
        Contains(classAndId, Unlikely) && !Contains(classAndId, MaybeCandidate);

    public static bool IsByline(string classAndId) => Contains(classAndId, Byline);

    public static bool IsShare(string classAndId) => Contains(classAndId, Share);

    /// <summary>Readability's class weight: ±25 for the class and again for the id.</summary>
    public static int Weight(IElement element)
    {
        var weight = 0;
        var className = element.ClassName;
        if (!string.IsNullOrEmpty(className))
        {
            weight += WeightOf(className);
        }

        var id = element.Id;
        if (!string.IsNullOrEmpty(id))
        {
            weight += WeightOf(id);
        }

        return weight;
    }

    /// <summary>Class and id joined by a space, as Readability's match string; empty when neither is set.</summary>
    public static string ClassAndId(IElement element)
    {
        var className = element.ClassName;
        var id = element.Id;
        if (string.IsNullOrEmpty(id))
        {
            return className ?? string.Empty;
        }

        return string.IsNullOrEmpty(className) ? id : className + " " + id;
    }

    private static int WeightOf(string value)
    {
        var weight = 0;
        if (Contains(value, Negative) || IsHid(value))
        {
            weight -= ClassWeightUnit;
        }

        if (Contains(value, Positive))
        {
            weight += ClassWeightUnit;
        }

        return weight;
    }

    private static bool IsHid(string value)
    {
        if (!value.Contains("hid", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals("hid", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string value, SearchValues<string> words) =>
        value.Length > 0 && value.AsSpan().IndexOfAny(words) >= 0;

    private static SearchValues<string> Create(params string[] words) =>
        SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
}
