using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Small DOM rewrites AngleSharp has no single call for.</summary>
internal static class DomEdits
{
    private static readonly string[] KeptAttributes = ["class", "id", "itemprop", "lang", "dir"];

    /// <summary>Replaces <paramref name="element"/> by a <paramref name="tag"/> element with the same children and the attributes scoring reads.</summary>
    public static IElement Rename(IDocument document, IElement element, string tag)
    {
        var replacement = document.CreateElement(tag);
        foreach (var name in KeptAttributes)
        {
            if (element.GetAttribute(name) is { } value)
            {
                replacement.SetAttribute(name, value);
            }
        }

        while (element.FirstChild is { } child)
        {
            replacement.AppendChild(child);
        }

        element.Parent?.ReplaceChild(replacement, element);
        return replacement;
    }
}
