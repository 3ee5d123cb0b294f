using System.Xml.Linq;

namespace Strata.Sources.Feeds;

/// <summary>Reads RSS 0.91/0.92/2.0 (<c>&lt;rss&gt;</c>) and RSS 0.90/1.0 (<c>&lt;rdf:RDF&gt;</c>) channels.</summary>
internal static class RssReader
{
    /// <summary>An <c>&lt;rss&gt;</c> document; items are children of the channel (or, in old feeds, of the root).</summary>
    public static ParsedFeed ReadRss(XElement root, Uri feedUrl)
    {
        var channel = root.Element("channel") ?? throw new FeedException("not a feed (an <rss> element without a <channel>)");
        var items = channel.Elements("item").Concat(root.Elements("item"));
        return Read(channel, items, XNamespace.None, FormatOf(root.Attribute("version")?.Value), feedUrl);
    }

    /// <summary>An <c>&lt;rdf:RDF&gt;</c> document; channel and items are siblings in the RSS 1.0 or 0.90 namespace.</summary>
    public static ParsedFeed ReadRdf(XElement root, Uri feedUrl)
    {
        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel")
            ?? throw new FeedException("not a feed (an RDF document without an RSS <channel>)");
        var ns = channel.Name.Namespace;
        var format = ns == FeedNamespaces.Rss090 ? FeedFormat.Rss090 : FeedFormat.Rss10;
        return Read(channel, root.Elements(ns + "item"), ns, format, feedUrl);
    }

    private static ParsedFeed Read(XElement channel, IEnumerable<XElement> items, XNamespace ns, FeedFormat format, Uri feedUrl)
    {
        var baseUrl = FeedUrls.BaseFor(channel, feedUrl);
        var entries = items.Select(item => RssItemReader.Read(item, ns, feedUrl)).ToList();
        return new ParsedFeed(
            Title: XmlValues.Text(channel, ns + "title") ?? XmlValues.Text(channel, FeedNamespaces.Dc + "title"),
            SiteUrl: FeedUrls.Resolve(XmlValues.Text(channel, ns + "link"), baseUrl),
            Description: XmlValues.Text(channel, ns + "description"),
            Format: format,
            Entries: entries);
    }

    private static FeedFormat FormatOf(string? version) => version?.Trim() switch
    {
        "0.91" => FeedFormat.Rss091,
        "0.92" or "0.93" or "0.94" => FeedFormat.Rss092,
        "0.90" or "0.9" => FeedFormat.Rss090,
        _ => FeedFormat.Rss20,
    };
}
