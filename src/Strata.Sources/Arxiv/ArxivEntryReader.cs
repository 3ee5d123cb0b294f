using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Strata.Sources.Arxiv;

/// <summary>Maps one Atom <c>entry</c> of an arXiv response to an <see cref="ArxivEntry"/>.</summary>
internal static class ArxivEntryReader
{
    private const string ErrorIdMarker = "arxiv.org/api/errors";

    private static XNamespace Atom => ArxivFeedParser.Atom;

    private static XNamespace Arxiv => ArxivFeedParser.Arxiv;

    public static void ThrowIfApiError(XElement entry)
    {
        var id = entry.Element(Atom + "id")?.Value.Trim() ?? string.Empty;
        if (id.Contains(ErrorIdMarker, StringComparison.OrdinalIgnoreCase))
        {
            var summary = Collapse(entry.Element(Atom + "summary")?.Value);
            throw new ArxivException($"arXiv API error: {(summary.Length > 0 ? summary : id)}");
        }
    }

    public static ArxivEntry Read(XElement entry)
    {
        var rawId = entry.Element(Atom + "id")?.Value.Trim() ?? string.Empty;
        if (!ArxivId.TryParse(rawId, out var id, out var idVersion))
        {
            throw new ArxivException($"arXiv entry has no readable id ('{rawId}').");
        }

        var links = entry.Elements(Atom + "link").ToList();
        var absUrl = FindLink(links, l => Attr(l, "rel") == "alternate") ?? new Uri($"https://arxiv.org/abs/{id}");
        var version = idVersion ?? (ArxivId.TryParse(absUrl.AbsoluteUri, out _, out var linkVersion) ? linkVersion : null) ?? 1;
        var published = ReadDate(entry, "published", id);
        var updated = entry.Element(Atom + "updated") is null ? published : ReadDate(entry, "updated", id);

        return new ArxivEntry(
            id,
            version,
            Collapse(entry.Element(Atom + "title")?.Value),
            entry.Elements(Atom + "author").Select(a => Collapse(a.Element(Atom + "name")?.Value)).Where(n => n.Length > 0).ToList(),
            entry.Elements(Atom + "category").Select(c => Attr(c, "term")).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Optional(entry.Element(Arxiv + "primary_category") is { } primary ? Attr(primary, "term") : null),
            Paragraphs(entry.Element(Atom + "summary")?.Value),
            published,
            updated,
            absUrl,
            FindLink(links, l => Attr(l, "title") == "pdf" || Attr(l, "type") == "application/pdf"),
            Optional(entry.Element(Arxiv + "doi")?.Value),
            Optional(entry.Element(Arxiv + "journal_ref")?.Value),
            Optional(entry.Element(Arxiv + "comment")?.Value));
    }

    private static DateTimeOffset ReadDate(XElement entry, string name, string id)
    {
        var text = entry.Element(Atom + name)?.Value.Trim();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new ArxivException($"arXiv entry {id} has no readable {name} date ('{text}').");
    }

    private static Uri? FindLink(List<XElement> links, Func<XElement, bool> predicate) =>
        links.Where(predicate)
            .Select(l => Uri.TryCreate(Attr(l, "href"), UriKind.Absolute, out var url) ? url : null)
            .FirstOrDefault(u => u is not null);

    private static string Attr(XElement element, string name) => element.Attribute(name)?.Value.Trim() ?? string.Empty;

    private static string? Optional(string? text) => Collapse(text) is { Length: > 0 } value ? value : null;

    private static string Collapse(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // arXiv abstracts are hard-wrapped; an indented line starts a new paragraph.
    private static string Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Trim().ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && current.Length > 0)
            {
                paragraphs.Add(Collapse(current.ToString()));
                current.Clear();
            }

            current.Append(line).Append(' ');
        }

        paragraphs.Add(Collapse(current.ToString()));
        return string.Join("\n\n", paragraphs.Where(p => p.Length > 0));
    }
}
