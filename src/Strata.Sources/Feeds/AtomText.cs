using System.Xml.Linq;

namespace Strata.Sources.Feeds;

/// <summary>Reads Atom text constructs (<c>type="text"</c>, <c>"html"</c>, <c>"xhtml"</c>) as text or HTML.</summary>
internal static class AtomText
{
    private enum Kind
    {
        Text,
        Html,
        Xhtml,
        Other,
    }

    /// <summary>The construct as written: plain text for text, markup for html and xhtml; null when empty or out-of-line.</summary>
    public static string? AsWritten(XElement? element) => KindOf(element) switch
    {
        Kind.Text or Kind.Html => XmlValues.Text(element),
        Kind.Xhtml => XhtmlInner(element!),
        _ => null,
    };

    /// <summary>The construct as HTML: text is encoded into paragraphs.</summary>
    public static string? AsHtml(XElement? element) => KindOf(element) switch
    {
        Kind.Text => XmlValues.Text(element) is { } text ? HtmlText.FromPlainText(text) : null,
        Kind.Html => XmlValues.Text(element),
        Kind.Xhtml => XhtmlInner(element!),
        _ => null,
    };

    /// <summary>The construct as plain text (for titles): markup stripped, entities decoded.</summary>
    public static string? AsPlainText(XElement? element) => KindOf(element) switch
    {
        Kind.Text => XmlValues.Text(element),
        Kind.Html or Kind.Xhtml => XmlValues.Trimmed(HtmlText.ToPlainText(AsWritten(element))),
        _ => null,
    };

    private static Kind KindOf(XElement? element)
    {
        if (element is null || element.Attribute("src") is not null)
        {
            return Kind.Other;
        }

        var type = XmlValues.Attribute(element, "type")?.ToLowerInvariant();
        return type switch
        {
            null or "text" or "text/plain" => Kind.Text,
            "html" or "text/html" => Kind.Html,
            "xhtml" or "application/xhtml+xml" => Kind.Xhtml,
            _ when type.StartsWith("text/", StringComparison.Ordinal) => Kind.Text,
            _ => Kind.Other,
        };
    }

    /// <summary>The children of the wrapping xhtml <c>div</c> serialized as HTML without namespace declarations.</summary>
    private static string? XhtmlInner(XElement element)
    {
        var container = element.Elements().FirstOrDefault(e => e.Name.LocalName == "div") ?? element;
        var html = string.Concat(container.Nodes().Select(node => WithoutNamespaces(node).ToString(SaveOptions.DisableFormatting)));
        return XmlValues.Trimmed(html);
    }

    private static XNode WithoutNamespaces(XNode node) => node switch
    {
        XElement element => new XElement(
            element.Name.LocalName,
            element.Attributes()
                .Where(a => !a.IsNamespaceDeclaration)
                .Select(a => new XAttribute(a.Name.Namespace == XNamespace.None ? a.Name : XName.Get(a.Name.LocalName), a.Value)),
            element.Nodes().Select(WithoutNamespaces)),
        _ => node,
    };
}
