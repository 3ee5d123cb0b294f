using System.Xml.Linq;

namespace Strata.Sources.Feeds;

/// <summary>Small accessors over <see cref="XElement"/> that treat blank as absent.</summary>
internal static class XmlValues
{
    public static string? Text(XElement? element) => Trimmed(element?.Value);

    public static string? Text(XElement parent, XName name) => Text(parent.Element(name));

    public static string? Attribute(XElement? element, XName name) => Trimmed(element?.Attribute(name)?.Value);

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The trimmed, non-blank texts of every <paramref name="names"/> child, first occurrence of each value kept.</summary>
    public static IReadOnlyList<string> Texts(XElement parent, params XName[] names) =>
        names.SelectMany(parent.Elements)
            .Select(Text)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
