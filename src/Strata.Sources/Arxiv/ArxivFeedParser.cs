using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Strata.Sources.Arxiv;

/// <summary>
/// Reads one arXiv API Atom response. The XML is read with DTDs prohibited and no resolver, so no external
/// entity or file is ever read. Pure and thread-safe.
/// </summary>
public static class ArxivFeedParser
{
    internal static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    internal static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";
    internal static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    /// <summary>Parses a response body.</summary>
    /// <exception cref="ArxivException">
    /// Not well-formed XML (including any DTD), not an Atom feed, an entry without a readable id or date, or an
    /// error entry from the API (message <c>arXiv API error: &lt;summary&gt;</c>).
    /// </exception>
    public static ArxivPage Parse(ReadOnlySpan<byte> atom)
    {
        var feed = Load(atom);
        if (feed.Name != Atom + "feed")
        {
            throw new ArxivException($"arXiv response is not an Atom feed (root element '{feed.Name.LocalName}').");
        }

        var entries = new List<ArxivEntry>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            ArxivEntryReader.ThrowIfApiError(entry);
            entries.Add(ArxivEntryReader.Read(entry));
        }

        return new ArxivPage(
            ReadInt(feed, "totalResults") ?? entries.Count,
            ReadInt(feed, "startIndex") ?? 0,
            ReadInt(feed, "itemsPerPage") ?? entries.Count,
            entries);
    }

    private static XElement Load(ReadOnlySpan<byte> atom)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(atom.ToArray(), writable: false), settings);
            return XDocument.Load(reader).Root ?? throw new ArxivException("arXiv response is empty.");
        }
        catch (XmlException ex)
        {
            throw new ArxivException($"arXiv response is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {FirstSentence(ex.Message)}", ex);
        }
    }

    private static int? ReadInt(XElement feed, string name) =>
        int.TryParse(feed.Element(OpenSearch + name)?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    // XmlException messages run on with advice and a position we already report; keep the first sentence.
    private static string FirstSentence(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? line.TrimEnd('.') : line[..end];
    }
}
