using System.IO.Compression;
using Strata.Sources.Imports;
using Xunit;

namespace Strata.Sources.Tests.Imports;

public sealed class OmnivoreReaderTests
{
    private const string Metadata = """
        [
          {
            "id": "0b8a4f2c", "slug": "how-to-read", "title": "How to read",
            "description": "A short excerpt.", "author": "Ann",
            "url": "https://example.com/read", "state": "Archived", "readingProgress": 100,
            "labels": ["Books", "Newsletter"], "savedAt": "2024-03-01T10:00:00.000Z",
            "updatedAt": "2024-03-02T10:00:00.000Z"
          },
          {
            "id": "1c9b", "title": "Label objects", "originalArticleUrl": "https://example.com/labels",
            "state": "Succeeded", "labels": [{ "name": "AI", "color": "#fff" }, { "color": "#000" }],
            "savedAt": "2024-03-01T12:00:00+02:00"
          },
          { "id": "2d", "title": "No URL at all", "savedAt": 5 },
          { "id": "3e", "url": "https://example.com/flag", "isArchived": true, "title": 42, "labels": "oops" }
        ]
        """;

    [Fact]
    public void Read_JsonArray_MapsFields()
    {
        var run = ImportRun.Of(Metadata, ImportFormat.Omnivore);

        var read = run.Single("https://example.com/read");
        Assert.Equal("How to read", read.Title);
        Assert.Equal("A short excerpt.", read.Excerpt);
        Assert.Equal(["books", "newsletter"], read.Tags);
        Assert.True(read.Archived);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), read.SavedAt);
    }

    [Fact]
    public void Read_LabelObjectsAndOriginalUrl_AreUnderstood()
    {
        var run = ImportRun.Of(Metadata, ImportFormat.Omnivore);

        var labels = run.Single("https://example.com/labels");
        Assert.Equal(["ai"], labels.Tags);
        Assert.False(labels.Archived);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), labels.SavedAt);
        Assert.Equal(TimeSpan.Zero, labels.SavedAt!.Value.Offset);
    }

    [Fact]
    public void Read_EntriesWithWrongTypes_AreToleratedOrWarned()
    {
        var run = ImportRun.Of(Metadata, ImportFormat.Omnivore);

        Assert.Equal(3, run.Bookmarks.Count);
        Assert.Equal(["entry 3: missing URL"], run.Warnings);
        var flagged = run.Single("https://example.com/flag");
        Assert.True(flagged.Archived);
        Assert.Null(flagged.Title);
        Assert.Empty(flagged.Tags);
    }

    [Fact]
    public void Read_Zip_ReadsEveryMetadataFileAndIgnoresContent()
    {
        var zip = MakeZip(
            ("metadata_0_to_1.json", """[{ "url": "https://example.com/1", "savedAt": "2024-01-01T00:00:00Z" }]"""),
            ("content/1.html", "<html>not metadata</html>"),
            ("metadata_2_to_3.json", """[{ "url": "https://example.com/2" }, { "url": "mailto:x@example.com" }]"""));

        var run = ImportRun.Of(zip, ImportFormat.Omnivore);

        Assert.Equal(["https://example.com/1", "https://example.com/2"], run.Bookmarks.Select(bookmark => bookmark.Url.AbsoluteUri));
        Assert.Equal(["metadata_2_to_3.json entry 2: not an http(s) URL: mailto:x@example.com"], run.Warnings);
    }

    [Fact]
    public void Read_ZipWithoutMetadata_ThrowsImportException()
    {
        var zip = MakeZip(("content/1.html", "<html></html>"));

        var error = Assert.Throws<ImportException>(() => ImportRun.Of(zip, ImportFormat.Omnivore));

        Assert.Contains("metadata_", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedJson_ThrowsImportException()
    {
        Assert.Throws<ImportException>(() => ImportRun.Of("""[{ "url": "https://example.com/1" }, { "url": """, ImportFormat.Omnivore));
    }

    [Fact]
    public void Read_LargeArrayAcrossBufferRefills_ReadsEveryEntry()
    {
        var items = Enumerable.Range(0, 5_000).Select(i =>
            $$"""{ "url": "https://example.com/{{i}}", "title": "{{new string('x', 40)}}", "labels": ["a"], "savedAt": "2024-01-01T00:00:00Z" }""");

        var run = ImportRun.Of("[" + string.Join(",\n", items) + "]", ImportFormat.Omnivore);

        Assert.Equal(5_000, run.Bookmarks.Count);
        Assert.Equal("https://example.com/4999", run.Bookmarks[^1].Url.AbsoluteUri);
    }

    private static byte[] MakeZip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
