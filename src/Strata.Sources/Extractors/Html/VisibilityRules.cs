using AngleSharp.Dom;

namespace Strata.Sources.Extractors.Html;

/// <summary>Whether an element is shown to a reader, judged from its attributes alone (no CSS engine).</summary>
internal static class VisibilityRules
{
    public static bool IsProbablyVisible(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return false;
        }

        if (element.GetAttribute("aria-hidden") == "true"
            && !(element.ClassName?.Contains("fallback-image", StringComparison.Ordinal) ?? false))
        {
            return false;
        }

        var style = element.GetAttribute("style");
        return style is null || !HidesElement(style);
    }

    private static bool HidesElement(string style) =>
        HasDeclaration(style, "display", "none") || HasDeclaration(style, "visibility", "hidden");

    private static bool HasDeclaration(string style, string property, string value)
    {
        var start = 0;
        while (true)
        {
            var index = style.IndexOf(property, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var position = index + property.Length;
            var isPropertyStart = index == 0 || style[index - 1] is ';' or ' ' or '\t' or '\n' or '"' or '{';
            while (position < style.Length && char.IsWhiteSpace(style[position]))
            {
                position++;
            }

            if (isPropertyStart && position < style.Length && style[position] == ':')
            {
                position++;
                while (position < style.Length && char.IsWhiteSpace(style[position]))
                {
                    position++;
                }

                if (string.Compare(style, position, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            start = index + property.Length;
        }
    }
}
