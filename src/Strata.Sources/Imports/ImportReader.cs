using Strata.Sources.Imports.Karakeep;
using Strata.Sources.Imports.Netscape;
using Strata.Sources.Imports.Omnivore;
using Strata.Sources.Imports.Pocket;
using Strata.Sources.Imports.Readwise;
using Strata.Sources.Imports.UrlList;

namespace Strata.Sources.Imports;

/// <summary>
/// Parses bookmark export files into <see cref="ImportedBookmark"/>s. Pure: no storage, no network. Thread-safe
/// (each call has its own state).
/// </summary>
public static class ImportReader
{
    /// <summary>How many leading bytes of a file <see cref="Detect"/> wants (it copes with fewer).</summary>
    public const int DetectionHeadBytes = ImportLimits.DetectionHeadBytes;

    /// <summary>
    /// Recognises the format from the file's first bytes (up to <see cref="DetectionHeadBytes"/>), by content rather
    /// than extension; <paramref name="fileName"/> only breaks ties and names the file in messages.
    /// Throws <see cref="ImportException"/> when no format fits.
    /// </summary>
    public static ImportFormat Detect(ReadOnlySpan<byte> head, string? fileName) => ImportDetector.Detect(head, fileName);

    /// <summary>
    /// Reads the bookmarks of <paramref name="stream"/> (positioned at the file's start, left open) lazily, in file
    /// order; large files are not held in memory (an Omnivore zip from a non-seekable stream is buffered).
    /// An entry that cannot be used (missing or non-http(s) URL, a text bookmark) is skipped with one line added to
    /// <paramref name="warnings"/>, such as <c>line 17: not an http(s) URL: javascript:alert(1)</c>.
    /// Throws <see cref="ImportException"/> when the file is not in <paramref name="format"/> or is corrupt as a
    /// whole: at this call when the start of the file shows it, otherwise during enumeration. Enumerate once.
    /// </summary>
    public static IEnumerable<ImportedBookmark> Read(Stream stream, ImportFormat format, IList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(warnings);
        return format switch
        {
            ImportFormat.NetscapeBookmarks => NetscapeBookmarkReader.Read(OpenMarkup(stream, "a Netscape bookmark file"), warnings),
            ImportFormat.Pocket => ReadPocket(OpenText(stream), warnings),
            ImportFormat.Omnivore => OmnivoreReader.Read(stream, warnings),
            ImportFormat.ReadwiseReader => ReadwiseCsvReader.Read(OpenText(stream), warnings),
            ImportFormat.Karakeep => KarakeepReader.Read(stream, warnings),
            ImportFormat.UrlList => UrlListReader.Read(OpenText(stream), warnings),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown import format"),
        };
    }

    private static IEnumerable<ImportedBookmark> ReadPocket(TextReader reader, IList<string> warnings) =>
        SkipWhitespace(reader) == '<' ? PocketHtmlReader.Read(reader, warnings) : PocketCsvReader.Read(reader, warnings);

    private static TextReader OpenMarkup(Stream stream, string formatName)
    {
        var reader = OpenText(stream);
        var first = SkipWhitespace(reader);
        return first == '<'
            ? reader
            : throw new ImportException(first < 0 ? $"not {formatName}: the file is empty" : $"not {formatName}: it does not start with HTML markup");
    }

    private static TextReader OpenText(Stream stream) => ImportText.Open(stream);

    /// <summary>Consumes leading whitespace; returns the next character without consuming it, or -1 at the end.</summary>
    private static int SkipWhitespace(TextReader reader)
    {
        while (reader.Peek() is var next and >= 0 && char.IsWhiteSpace((char)next))
        {
            reader.Read();
        }

        return reader.Peek();
    }
}
