using System.Xml.Linq;
using Strata.Sources.Feeds;
using Strata.Sources.Http;

namespace Strata.Sources.Imports.Opml;

/// <summary>
/// Reads the subscriptions of an OPML 1.0/2.0 file. Outlines with an <c>xmlUrl</c> are feeds; outlines without
/// one are folders whose titles become the feeds' categories. Outlines whose xmlUrl is not an absolute http(s)
/// URL are skipped. Same XML safety as feeds: DTDs ignored, entities never expanded. Pure and thread-safe.
/// </summary>
public static class OpmlReader
{
    /// <summary>The default size limit: 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <exception cref="OpmlException">Larger than <paramref name="maxBytes"/>, malformed (with line and position), or not OPML.</exception>
    public static IReadOnlyList<OpmlFeed> Read(ReadOnlySpan<byte> bytes, long maxBytes = DefaultMaxBytes)
    {
        if (bytes.Length > maxBytes)
        {
            throw new OpmlException($"OPML file is larger than the {Quantities.Format(maxBytes)} limit");
        }

        var text = SafeXml.Decode(bytes, out var droppedLines);
        var document = SafeXml.Load(text, maxBytes, droppedLines, (description, inner) => new OpmlException($"malformed OPML {description}", inner));
        var root = document.Root!;
        if (root.Name.LocalName != "opml")
        {
            throw new OpmlException($"not an OPML file (the document's root element is <{root.Name.LocalName}>)");
        }

        var feeds = new List<OpmlFeed>();
        var body = root.Elements().FirstOrDefault(e => e.Name.LocalName == "body");
        if (body is not null)
        {
            Collect(body, [], feeds);
        }

        return feeds;
    }

    private static void Collect(XElement parent, IReadOnlyList<string> folders, List<OpmlFeed> feeds)
    {
        foreach (var outline in parent.Elements().Where(e => e.Name.LocalName == "outline"))
        {
            var title = Attribute(outline, "title") ?? Attribute(outline, "text");
            var xmlUrl = Attribute(outline, "xmlUrl");
            if (title == xmlUrl)
            {
                // Writers put the URL in text when there is no title; it carries no name.
                title = null;
            }

            if (xmlUrl is null)
            {
                Collect(outline, title is null ? folders : [.. folders, title], feeds);
                continue;
            }

            var feedUrl = FeedUrls.AbsoluteOnly(xmlUrl);
            if (feedUrl is not null)
            {
                feeds.Add(new OpmlFeed(feedUrl, FeedUrls.AbsoluteOnly(Attribute(outline, "htmlUrl")), title, folders));
            }
        }
    }

    /// <summary>Attribute by name, ignoring case (exporters write xmlUrl, xmlurl and XMLURL); blank is absent.</summary>
    private static string? Attribute(XElement element, string name) =>
        element.Attributes()
            .Where(a => a.Name.Namespace == XNamespace.None && string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))
            .Select(a => string.IsNullOrWhiteSpace(a.Value) ? null : a.Value.Trim())
            .FirstOrDefault(v => v is not null);
}
