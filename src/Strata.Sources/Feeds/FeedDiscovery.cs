using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Strata.Sources.Feeds;

/// <summary>Finds the feeds an HTML page advertises, and tells a fetched feed from a fetched page. Thread-safe.</summary>
public static partial class FeedDiscovery
{
    private const int SniffBytes = 4096;

    private static readonly HashSet<string> FeedLinkTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
    };

    private static readonly HashSet<string> FeedMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json", "application/x-rss+xml",
    };

    /// <summary>
    /// The absolute URLs of <c>&lt;link rel="alternate"&gt;</c> feeds (RSS, Atom, JSON Feed) in document order,
    /// without duplicates, resolved against <c>&lt;base href&gt;</c> and <paramref name="pageUrl"/>. WordPress's
    /// <c>application/json</c> REST links (<c>/wp-json/</c>) are not feeds and are skipped. Never throws for bad HTML.
    /// </summary>
    public static IReadOnlyList<Uri> FindFeeds(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        using var document = new HtmlParser().ParseDocument(html);
        var baseUrl = FeedUrls.Resolve(document.QuerySelector("base[href]")?.GetAttribute("href"), pageUrl) ?? pageUrl;
        var feeds = new List<Uri>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rels = (link.GetAttribute("rel") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var type = (link.GetAttribute("type") ?? string.Empty).Split(';')[0].Trim();
            if (!rels.Contains("alternate", StringComparer.OrdinalIgnoreCase) || !FeedLinkTypes.Contains(type))
            {
                continue;
            }

            var url = FeedUrls.Resolve(link.GetAttribute("href"), baseUrl);
            if (url is not null && !url.AbsolutePath.Contains("/wp-json/", StringComparison.OrdinalIgnoreCase) && !feeds.Contains(url))
            {
                feeds.Add(url);
            }
        }

        return feeds;
    }

    /// <summary>
    /// Whether a fetched body is a feed rather than a page, from its first bytes (a few KB suffice) and the
    /// media type the server sent. The content wins over the label (servers send feeds as text/html and pages as
    /// text/xml); the label decides only when the head is inconclusive.
    /// </summary>
    public static bool IsLikelyFeed(ReadOnlySpan<byte> head, string? mediaType)
    {
        var text = DecodeHead(head.Length > SniffBytes ? head[..SniffBytes] : head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var labelled = mediaType is not null && FeedMediaTypes.Contains(mediaType.Split(';')[0].Trim());
        if (text.StartsWith('{'))
        {
            return JsonFeedVersion().IsMatch(text) || labelled;
        }

        var root = FirstElement().Match(text);
        if (!root.Success)
        {
            return labelled;
        }

        var name = root.Groups["name"].Value;
        var localName = name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return localName is "rss" or "RDF" or "feed";
    }

    private static string DecodeHead(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xFE, ..] => System.Text.Encoding.Unicode.GetString(head),
        [0xFE, 0xFF, ..] => System.Text.Encoding.BigEndianUnicode.GetString(head),
        _ => System.Text.Encoding.Latin1.GetString(head),
    };

    [GeneratedRegex(@"""version""\s*:\s*""https?://jsonfeed\.org/version/1", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonFeedVersion();

    [GeneratedRegex(@"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*<(?<name>[A-Za-z_][\w:.\-]*)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FirstElement();
}
