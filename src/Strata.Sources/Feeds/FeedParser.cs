using System.Text.RegularExpressions;
using System.Xml.Linq;
using Strata.Sources.Http;

namespace Strata.Sources.Feeds;

/// <summary>
/// Parses feed bytes (RSS 0.90–2.0, RSS 1.0 RDF, Atom 1.0, JSON Feed 1.x) into a <see cref="ParsedFeed"/>.
/// Pure and thread-safe: no I/O, no network, DTDs ignored and entities never expanded (see <see cref="SafeXml"/>).
/// </summary>
public static partial class FeedParser
{
    /// <summary>The default size limit: 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    private const int SniffChars = 2048;

    /// <summary>Parses <paramref name="bytes"/> fetched from <paramref name="feedUrl"/> (the base for relative links).</summary>
    /// <exception cref="FeedException">
    /// Larger than <paramref name="maxBytes"/>; malformed XML or JSON (message names line and position); an HTML page
    /// or another document that is not a feed; an entity reference (DTD entities are never expanded).
    /// </exception>
    public static ParsedFeed Parse(ReadOnlySpan<byte> bytes, Uri feedUrl, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(feedUrl);
        if (!feedUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("the feed URL must be absolute", nameof(feedUrl));
        }

        if (bytes.Length > maxBytes)
        {
            throw new FeedException($"feed is larger than the {Quantities.Format(maxBytes)} limit");
        }

        var text = SafeXml.Decode(bytes, out var droppedLines);
        if (text.Length == 0)
        {
            throw new FeedException("not a feed (the body is empty)");
        }

        if (text[0] is '{' or '[')
        {
            return JsonFeedReader.Read(text, feedUrl);
        }

        var head = text.Length > SniffChars ? text[..SniffChars] : text;
        if (HtmlStart().IsMatch(head))
        {
            throw NotAFeedHtml();
        }

        var document = SafeXml.Load(text, maxBytes, droppedLines, (description, inner) =>
            HtmlTag().IsMatch(head) ? NotAFeedHtml() : new FeedException($"malformed feed XML {description}", inner));
        return Dispatch(document.Root!, feedUrl);
    }

    private static ParsedFeed Dispatch(XElement root, Uri feedUrl)
    {
        var name = root.Name;
        return name.LocalName switch
        {
            "rss" when name.Namespace == XNamespace.None => RssReader.ReadRss(root, feedUrl),
            "RDF" when name.Namespace == FeedNamespaces.Rdf => RssReader.ReadRdf(root, feedUrl),
            "feed" when name.Namespace == FeedNamespaces.Atom => AtomReader.Read(root, feedUrl),
            "feed" when name.Namespace == FeedNamespaces.Atom03 => throw new FeedException("unsupported feed format (Atom 0.3)"),
            "html" => throw NotAFeedHtml(),
            "opml" => throw new FeedException("not a feed (an OPML subscription list; import it instead)"),
            _ => throw new FeedException($"not a feed (the document's root element is <{name.LocalName}>)"),
        };
    }

    private static FeedException NotAFeedHtml() => new("not a feed (looks like an HTML page)");

    [GeneratedRegex(@"^(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"<(html|head|body)[\s>]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();
}
