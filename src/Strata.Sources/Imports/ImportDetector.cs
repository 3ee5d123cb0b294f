namespace Strata.Sources.Imports;

/// <summary>Recognises an export format from the first bytes of a file. Pure and thread-safe.</summary>
internal static class ImportDetector
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static ImportFormat Detect(ReadOnlySpan<byte> head, string? fileName)
    {
        if (head.StartsWith(ZipMagic))
        {
            return ImportFormat.Omnivore;
        }

        var text = Decode(head).TrimStart();
        var lower = text.ToLowerInvariant();
        var described = fileName is null ? "the file" : $"'{Path.GetFileName(fileName)}'";
        if (lower.Contains("<!doctype netscape-bookmark-file", StringComparison.Ordinal))
        {
            return ImportFormat.NetscapeBookmarks;
        }

        return text.Length == 0 ? throw new ImportException($"{described} is empty")
            : text[0] == '<' ? DetectHtml(lower, fileName, described)
            : text[0] == '[' ? DetectJsonArray(text, described)
            : text[0] == '{' ? DetectJsonObject(text, described)
            : DetectText(text, lower, head.Length, described);
    }

    private static ImportFormat DetectHtml(string lower, string? fileName, string described)
    {
        if (lower.Contains("<title>pocket export</title>", StringComparison.Ordinal)
            || lower.Contains("<h1>unread</h1>", StringComparison.Ordinal)
            || lower.Contains("<h1>read archive</h1>", StringComparison.Ordinal)
            || lower.Contains("time_added=", StringComparison.Ordinal)
            || string.Equals(Path.GetFileName(fileName), "ril_export.html", StringComparison.OrdinalIgnoreCase))
        {
            return ImportFormat.Pocket;
        }

        return lower.Contains("<dl", StringComparison.Ordinal) && lower.Contains("<dt", StringComparison.Ordinal)
            ? ImportFormat.NetscapeBookmarks
            : throw new ImportException($"{described} is HTML but neither Netscape bookmarks nor a Pocket export");
    }

    private static ImportFormat DetectJsonArray(string text, string described)
    {
        var empty = text.AsSpan(1).TrimStart().StartsWith("]");
        return empty || ContainsKey(text, "savedAt") || ContainsKey(text, "labels") || ContainsKey(text, "originalArticleUrl")
            ? ImportFormat.Omnivore
            : throw new ImportException($"{described} is a JSON array but not an Omnivore export (no savedAt or labels)");
    }

    private static ImportFormat DetectJsonObject(string text, string described) =>
        ContainsKey(text, "bookmarks")
            ? ImportFormat.Karakeep
            : throw new ImportException($"{described} is a JSON object but not a Karakeep export (no \"bookmarks\")");

    private static ImportFormat DetectText(string text, string lower, int headLength, string described)
    {
        var header = lower.AsSpan(0, Math.Max(0, lower.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : lower.Length));
        var columns = header.ToString().Split(',').Select(column => column.Trim().Trim('"').Trim()).ToHashSet();
        if (columns.Contains("url") && (columns.Contains("document tags") || columns.Contains("saved date") || columns.Contains("location")))
        {
            return ImportFormat.ReadwiseReader;
        }

        if (columns.Contains("url") && (columns.Contains("time_added") || columns.Contains("status")))
        {
            return ImportFormat.Pocket;
        }

        return LooksLikeUrlList(text, headLength)
            ? ImportFormat.UrlList
            : throw new ImportException(
                $"could not recognise {described} as a bookmark export (Netscape HTML, Pocket, Omnivore, Readwise Reader, Karakeep or a URL list)");
    }

    /// <summary>More than half of the meaningful lines start with http(s)://; a cut-off last line is not counted.</summary>
    private static bool LooksLikeUrlList(string text, int headLength)
    {
        var lines = text.Split('\n');
        var complete = headLength < ImportLimits.DetectionHeadBytes || text.EndsWith('\n') ? lines : lines[..^1];
        var meaningful = complete.Select(line => line.Trim()).Where(line => line.Length > 0 && line[0] != '#').ToArray();
        var urls = meaningful.Count(line =>
            line.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || line.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        return urls > 0 && urls * 2 > meaningful.Length;
    }

    private static bool ContainsKey(string json, string key) => json.Contains($"\"{key}\"", StringComparison.Ordinal);

    private static string Decode(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            return System.Text.Encoding.UTF8.GetString(head[3..]);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return System.Text.Encoding.Unicode.GetString(head[2..]);
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            ? System.Text.Encoding.BigEndianUnicode.GetString(head[2..])
            : System.Text.Encoding.UTF8.GetString(head);
    }
}
