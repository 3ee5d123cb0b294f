using System.Text.RegularExpressions;

namespace Strata.Sources.Extractors.Sniffing;

/// <summary>Recognises HTML by its opening markup, in the spirit of the WHATWG MIME sniffing rules.</summary>
internal static partial class MarkupSniffer
{
    private const int Window = 1024;

    private static readonly string[] HtmlOpeners =
    [
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p", "<script", "<style",
        "<link", "<article", "<section", "<header", "<nav", "<main", "<table", "<iframe", "<font", "<br",
        "<b", "<a", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<ul", "<ol", "<span", "<img", "<form",
    ];

    /// <summary>Whether the text, after whitespace, comments and an XML declaration, opens with an HTML tag.</summary>
    public static bool StartsWithHtml(string text)
    {
        var rest = SkipPrologue(text.AsSpan(0, Math.Min(text.Length, Window)));
        foreach (var opener in HtmlOpeners)
        {
            if (rest.StartsWith(opener, StringComparison.OrdinalIgnoreCase)
                && (rest.Length == opener.Length || IsTagTerminator(rest[opener.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the first bytes hold anything shaped like an HTML tag.</summary>
    public static bool ContainsTag(string text) => AnyTag().IsMatch(text.AsSpan(0, Math.Min(text.Length, Window)));

    private static ReadOnlySpan<char> SkipPrologue(ReadOnlySpan<char> text)
    {
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = text.IndexOf("-->", StringComparison.Ordinal);
                if (end < 0)
                {
                    return [];
                }

                text = text[(end + 3)..];
            }
            else if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
            {
                var end = text.IndexOf("?>", StringComparison.Ordinal);
                if (end < 0)
                {
                    return [];
                }

                text = text[(end + 2)..];
            }
            else
            {
                return text;
            }
        }
    }

    private static bool IsTagTerminator(char c) => c is ' ' or '>' or '/' or '\t' or '\n' or '\r' or '\f';

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();
}
