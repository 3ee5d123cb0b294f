using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Strata.Sources.Feeds;

/// <summary>Reads one RSS <c>&lt;item&gt;</c> of any version, with the Dublin Core, content, Atom and Media RSS extensions.</summary>
internal static partial class RssItemReader
{
    private static readonly XNamespace Dc = FeedNamespaces.Dc;
    private static readonly XNamespace Atom = FeedNamespaces.Atom;

    public static FeedEntry Read(XElement item, XNamespace ns, Uri feedUrl)
    {
        var baseUrl = FeedUrls.BaseFor(item, feedUrl);
        var title = XmlValues.Text(item, ns + "title") ?? XmlValues.Text(item, Dc + "title");
        var guid = item.Element("guid");
        var guidText = XmlValues.Text(guid);
        var guidIsPermaLink = !string.Equals(XmlValues.Attribute(guid, "isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var about = XmlValues.Attribute(item, FeedNamespaces.Rdf + "about");
        var url = FeedUrls.Resolve(XmlValues.Text(item, ns + "link"), baseUrl)
            ?? (guidIsPermaLink ? FeedUrls.AbsoluteOnly(guidText) : null)
            ?? FeedUrls.Resolve(AlternateAtomLink(item), baseUrl)
            ?? FeedUrls.AbsoluteOnly(about);
        var summary = XmlValues.Text(item, ns + "description") ?? XmlValues.Text(item, Dc + "description");

        return new FeedEntry
        {
            Id = guidText ?? about ?? EntryIds.Stable(url, title, summary),
            Url = url,
            Title = title,
            Authors = Authors(item),
            Published = FeedDates.Parse(XmlValues.Text(item, ns + "pubDate") ?? XmlValues.Text(item, Dc + "date")
                ?? XmlValues.Text(item, Atom + "published")),
            Updated = FeedDates.Parse(XmlValues.Text(item, Atom + "updated") ?? XmlValues.Text(item, FeedNamespaces.DcTerms + "modified")),
            Summary = summary,
            ContentHtml = XmlValues.Text(item, FeedNamespaces.Content + "encoded"),
            Categories = XmlValues.Texts(item, ns + "category", Dc + "subject"),
            EnclosureUrl = FeedUrls.Resolve(EnclosureHref(item), baseUrl),
        };
    }

    private static IReadOnlyList<string> Authors(XElement item) =>
        XmlValues.Texts(item, "author", Dc + "creator")
            .Select(NameFromEmailForm)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>RSS 2.0 writes "jane@example.com (Jane Doe)"; the name is what a reader wants.</summary>
    private static string NameFromEmailForm(string author)
    {
        var match = EmailWithName().Match(author);
        return match.Success ? match.Groups["name"].Value.Trim() : author;
    }

    private static string? AlternateAtomLink(XElement item) =>
        item.Elements(Atom + "link")
            .Where(link => XmlValues.Attribute(link, "rel") is null or "alternate")
            .Select(link => XmlValues.Attribute(link, "href"))
            .FirstOrDefault(href => href is not null);

    private static string? EnclosureHref(XElement item) =>
        XmlValues.Attribute(item.Element("enclosure"), "url")
        ?? XmlValues.Attribute(item.Element(FeedNamespaces.Media + "content"), "url")
        ?? XmlValues.Attribute(item.Element(FeedNamespaces.Media + "group")?.Element(FeedNamespaces.Media + "content"), "url");

    [GeneratedRegex(@"^\S+@\S+\s*\((?<name>[^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailWithName();
}
