using Strata.Sources.Imports;
using Xunit;

namespace Strata.Sources.Tests.Imports;

public sealed class KarakeepReaderTests
{
    private const string Export = """
        {
          "version": 1,
          "meta": { "exportedAt": "2025-01-01T00:00:00Z", "nested": [1, {"bookmarks": 2}] },
          "bookmarks": [
            {
              "createdAt": 1712345678, "title": "Unix-dated link", "tags": ["Self-Hosted", "tools"],
              "content": { "type": "link", "url": "https://karakeep.app/" }, "note": "Try it",
              "archived": false, "favourited": true
            },
            {
              "createdAt": "2024-02-03T04:05:06+01:00", "title": null, "tags": [],
              "content": { "type": "link", "url": "https://example.com/iso", "title": "Crawled title" }, "note": null
            },
            { "createdAt": 1712345678, "title": "Shopping", "tags": [], "content": { "type": "text", "text": "milk" }, "note": null },
            { "createdAt": 1712345678, "title": "Broken", "tags": [], "content": { "type": "link", "url": "::nope" } }
          ]
        }
        """;

    [Fact]
    public void Read_LinkBookmark_MapsAllFields()
    {
        var run = ImportRun.Of(Export, ImportFormat.Karakeep);

        var link = run.Single("https://karakeep.app/");
        Assert.Equal("Unix-dated link", link.Title);
        Assert.Equal(["self-hosted", "tools"], link.Tags);
        Assert.Equal("Try it", link.Note);
        Assert.Equal(new DateTimeOffset(2024, 4, 5, 19, 34, 38, TimeSpan.Zero), link.SavedAt);
        Assert.False(link.Archived);
        Assert.True(link.Favourite);
    }

    [Fact]
    public void Read_IsoDateAndContentTitle_AreUsed()
    {
        var run = ImportRun.Of(Export, ImportFormat.Karakeep);

        var iso = run.Single("https://example.com/iso");
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 3, 5, 6, TimeSpan.Zero), iso.SavedAt);
        Assert.Equal("Crawled title", iso.Title);
        Assert.Null(iso.Favourite);
    }

    [Fact]
    public void Read_TextAndBrokenBookmarks_AreSkippedWithWarnings()
    {
        var run = ImportRun.Of(Export, ImportFormat.Karakeep);

        Assert.Equal(2, run.Bookmarks.Count);
        Assert.Equal(["bookmark 3: text bookmark without a URL skipped: Shopping", "bookmark 4: not an http(s) URL: ::nope"], run.Warnings);
    }

    [Fact]
    public void Read_ObjectWithoutBookmarks_ThrowsImportException()
    {
        var error = Assert.Throws<ImportException>(() => ImportRun.Of("""{ "items": [] }""", ImportFormat.Karakeep));

        Assert.Contains("\"bookmarks\"", error.Message, StringComparison.Ordinal);
    }
}
