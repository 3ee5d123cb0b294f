namespace Strata.Sources.Extractors.Text;

/// <summary>Normalises CRLF and lone CR line endings to LF.</summary>
internal static class LineEndings
{
    public static string Normalize(string text) =>
        text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
}
