namespace Strata.Sources.Imports.UrlList;

/// <summary>
/// Reads a plain list: one URL per line, optionally followed by whitespace and a title; blank lines and lines
/// starting with <c>#</c> are ignored. Lines that are not http(s) URLs become warnings.
/// </summary>
internal static class UrlListReader
{
    /// <summary>Throws <see cref="ImportException"/> at the end when no line at all was a URL but some were not.</summary>
    public static IEnumerable<ImportedBookmark> Read(TextReader reader, IList<string> warnings)
    {
        var lineNumber = 0;
        var found = 0;
        var rejected = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim().TrimStart('\uFEFF');
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new ImportException($"line {lineNumber}: not a URL list: the file holds binary data");
            }

            var split = text.AsSpan().IndexOfAny(' ', '\t');
            var title = split < 0 ? null : text[(split + 1)..].Trim();
            var url = BookmarkUrl.Parse(split < 0 ? text : text[..split], out var problem);
            if (url is null)
            {
                rejected++;
                warnings.Add($"line {lineNumber}: {problem}");
                continue;
            }

            found++;
            yield return new ImportedBookmark(url, string.IsNullOrEmpty(title) ? null : title, [], null, null, null, null, null);
        }

        if (found == 0 && rejected > 0)
        {
            throw new ImportException($"not a URL list: none of its {rejected} non-comment lines is an http(s) URL");
        }
    }
}
