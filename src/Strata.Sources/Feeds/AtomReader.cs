using System.Xml.Linq;

namespace Strata.Sources.Feeds;

/// <summary>Reads Atom 1.0 feeds (RFC 4287), honouring xml:base on feed, entry and link elements.</summary>
internal static class AtomReader
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom;

    public static ParsedFeed Read(XElement feed, Uri feedUrl)
    {
        var feedAuthors = Authors(feed);
        var entries = feed.Elements(Atom + "entry").Select(entry => ReadEntry(entry, feedAuthors, feedUrl)).ToList();
        return new ParsedFeed(
            Title: AtomText.AsPlainText(feed.Element(Atom + "title")),
            SiteUrl: LinkUrl(feed, "alternate", feedUrl),
            Description: AtomText.AsWritten(feed.Element(Atom + "subtitle")),
            Format: FeedFormat.Atom10,
            Entries: entries);
    }

    private static FeedEntry ReadEntry(XElement entry, IReadOnlyList<string> feedAuthors, Uri feedUrl)
    {
        var title = AtomText.AsPlainText(entry.Element(Atom + "title"));
        var url = LinkUrl(entry, "alternate", feedUrl);
        var summary = AtomText.AsWritten(entry.Element(Atom + "summary"));
        var authors = Authors(entry);
        var sourceAuthors = entry.Element(Atom + "source") is { } source ? Authors(source) : [];

        return new FeedEntry
        {
            Id = XmlValues.Text(entry, Atom + "id") ?? EntryIds.Stable(url, title, summary),
            Url = url,
            Title = title,
            Authors = authors.Count > 0 ? authors : sourceAuthors.Count > 0 ? sourceAuthors : feedAuthors,
            Published = FeedDates.Parse(XmlValues.Text(entry, Atom + "published")),
            Updated = FeedDates.Parse(XmlValues.Text(entry, Atom + "updated")),
            Summary = summary,
            ContentHtml = AtomText.AsHtml(entry.Element(Atom + "content")),
            Categories = entry.Elements(Atom + "category")
                .Select(c => XmlValues.Attribute(c, "term") ?? XmlValues.Attribute(c, "label"))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            EnclosureUrl = LinkUrl(entry, "enclosure", feedUrl),
        };
    }

    /// <summary>The first link with <paramref name="rel"/> (a missing rel means alternate), resolved in its own xml:base.</summary>
    private static Uri? LinkUrl(XElement parent, string rel, Uri feedUrl)
    {
        var links = parent.Elements(Atom + "link").Where(link => (XmlValues.Attribute(link, "rel") ?? "alternate") == rel).ToList();
        var preferred = links.FirstOrDefault(link => XmlValues.Attribute(link, "type") is null or "text/html" or "application/xhtml+xml")
            ?? links.FirstOrDefault();
        return preferred is null ? null : FeedUrls.Resolve(XmlValues.Attribute(preferred, "href"), FeedUrls.BaseFor(preferred, feedUrl));
    }

    private static IReadOnlyList<string> Authors(XElement parent) =>
        parent.Elements(Atom + "author")
            .Select(author => XmlValues.Text(author, Atom + "name") ?? XmlValues.Text(author, Atom + "email"))
            .OfType<string>()
            .ToList();
}
