using Strata.Sources.Imports;

namespace Strata.Sources.Tests.Imports;

/// <summary>Reads a fixture through the public API and keeps the bookmarks and warnings together.</summary>
internal sealed class ImportRun
{
    private ImportRun(List<ImportedBookmark> bookmarks, List<string> warnings)
    {
        Bookmarks = bookmarks;
        Warnings = warnings;
    }

    public List<ImportedBookmark> Bookmarks { get; }

    public List<string> Warnings { get; }

    public static ImportRun Of(string content, ImportFormat format) => Of(System.Text.Encoding.UTF8.GetBytes(content), format);

    public static ImportRun Of(byte[] content, ImportFormat format)
    {
        var warnings = new List<string>();
        using var stream = new MemoryStream(content);
        var bookmarks = ImportReader.Read(stream, format, warnings).ToList();
        return new ImportRun(bookmarks, warnings);
    }

    public ImportedBookmark Single(string url) => Bookmarks.Single(bookmark => bookmark.Url.AbsoluteUri == url);
}
