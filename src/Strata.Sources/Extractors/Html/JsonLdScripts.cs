namespace Strata.Sources.Extractors.Html;

/// <summary>Finds the text of <c>&lt;script type="application/ld+json"&gt;</c> elements by scanning the HTML source.</summary>
internal static class JsonLdScripts
{
    private const string Marker = "ld+json";
    private const string ScriptOpen = "<script";
    private const string ScriptClose = "</script";

    public static IEnumerable<string> Contents(string html)
    {
        var position = 0;
        while (true)
        {
            var marker = html.IndexOf(Marker, position, StringComparison.OrdinalIgnoreCase);
            if (marker < 0)
            {
                yield break;
            }

            var tagStart = html.LastIndexOf('<', marker);
            var tagEnd = html.IndexOf('>', marker);
            if (tagStart < 0 || tagEnd < 0)
            {
                yield break;
            }

            position = tagEnd + 1;
            if (string.Compare(html, tagStart, ScriptOpen, 0, ScriptOpen.Length, StringComparison.OrdinalIgnoreCase) != 0
                || html.IndexOf('>', tagStart) != tagEnd)
            {
                continue;
            }

            var close = html.IndexOf(ScriptClose, position, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                yield break;
            }

            yield return html[position..close];
            position = close + ScriptClose.Length;
        }
    }
}
