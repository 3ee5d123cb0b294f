using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Strata.Sources.Imports.Opml;

/// <summary>
/// Writes subscriptions as an OPML 2.0 document. Categories become nested folder outlines, in order of first
/// appearance, so <see cref="OpmlReader.Read"/> gives the same feeds back. Pure and thread-safe.
/// </summary>
public static class OpmlWriter
{
    /// <summary>The OPML document as a string with a UTF-8 declaration; text is escaped and illegal XML characters dropped.</summary>
    public static string Write(IEnumerable<OpmlFeed> feeds, string title, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var root = new Folder(string.Empty);
        foreach (var feed in feeds)
        {
            root.FolderAt(feed.Categories).Children.Add(feed);
        }

        var document = new XElement(
            "opml",
            new XAttribute("version", "2.0"),
            new XElement(
                "head",
                new XElement("title", Clean(title)),
                new XElement("dateCreated", created.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture))),
            new XElement("body", root.Children.Select(ToOutline)));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + document.ToString() + "\n";
    }

    private static XElement ToOutline(object child) => child switch
    {
        Folder folder => new XElement(
            "outline",
            new XAttribute("text", Clean(folder.Name)),
            new XAttribute("title", Clean(folder.Name)),
            folder.Children.Select(ToOutline)),
        OpmlFeed feed => new XElement(
            "outline",
            new XAttribute("type", "rss"),
            new XAttribute("text", Clean(feed.Title ?? feed.XmlUrl.AbsoluteUri)),
            feed.Title is null ? null : new XAttribute("title", Clean(feed.Title)),
            new XAttribute("xmlUrl", feed.XmlUrl.AbsoluteUri),
            feed.HtmlUrl is null ? null : new XAttribute("htmlUrl", feed.HtmlUrl.AbsoluteUri)),
        _ => throw new InvalidOperationException("unexpected outline child"),
    };

    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }

        return clean.ToString();
    }

    private sealed class Folder(string name)
    {
        private readonly Dictionary<string, Folder> _subfolders = new(StringComparer.Ordinal);

        public string Name { get; } = name;

        public List<object> Children { get; } = [];

        public Folder FolderAt(IReadOnlyList<string> path)
        {
            var folder = this;
            foreach (var segment in path)
            {
                if (!folder._subfolders.TryGetValue(segment, out var next))
                {
                    next = new Folder(segment);
                    folder._subfolders.Add(segment, next);
                    folder.Children.Add(next);
                }

                folder = next;
            }

            return folder;
        }
    }
}
