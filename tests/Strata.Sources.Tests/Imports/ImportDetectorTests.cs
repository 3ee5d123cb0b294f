using System.IO.Compression;
using Strata.Sources.Imports;
using Xunit;

namespace Strata.Sources.Tests.Imports;

public sealed class ImportDetectorTests
{
    private static readonly System.Text.Encoding Utf8 = System.Text.Encoding.UTF8;

    [Theory]
    [InlineData("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>", "bookmarks.html", ImportFormat.NetscapeBookmarks)]
    [InlineData("\uFEFF  <!doctype netscape-bookmark-file-1>", null, ImportFormat.NetscapeBookmarks)]
    [InlineData("<HTML><DL><DT><A HREF=\"https://a.example/\">a</A></DL>", "export.txt", ImportFormat.NetscapeBookmarks)]
    [InlineData("<!DOCTYPE html>\n<html><head><title>Pocket Export</title></head>", "ril_export.html", ImportFormat.Pocket)]
    [InlineData("<html><body><h1>Unread</h1><ul><li><a href=\"https://a.example/\" time_added=\"1\">", "x.html", ImportFormat.Pocket)]
    [InlineData("title,url,time_added,cursor,tags,status\nA,https://a.example/,1,c,,unread", "part_000000.csv", ImportFormat.Pocket)]
    [InlineData("Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen\n", "reader.csv", ImportFormat.ReadwiseReader)]
    [InlineData("[{\"id\":\"1\",\"url\":\"https://a.example/\",\"labels\":[],\"savedAt\":\"2024-01-01T00:00:00Z\"}]", "metadata_0_to_49.json", ImportFormat.Omnivore)]
    [InlineData("{\"bookmarks\":[]}", "export.json", ImportFormat.Karakeep)]
    [InlineData("# list\nhttps://a.example/\nhttps://b.example/ B\n", "urls.txt", ImportFormat.UrlList)]
    public void Detect_Content_ReturnsFormat(string head, string? fileName, ImportFormat expected)
    {
        Assert.Equal(expected, ImportReader.Detect(Utf8.GetBytes(head), fileName));
    }

    [Fact]
    public void Detect_ZipMagic_ReturnsOmnivore()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("metadata_0_to_0.json");
        }

        Assert.Equal(ImportFormat.Omnivore, ImportReader.Detect(buffer.ToArray(), "export.json"));
    }

    [Fact]
    public void Detect_ExtensionContradictsContent_TrustsContent()
    {
        var format = ImportReader.Detect(Utf8.GetBytes("{\"bookmarks\":[]}"), "bookmarks.html");

        Assert.Equal(ImportFormat.Karakeep, format);
    }

    [Theory]
    [InlineData("Dear diary,\ntoday I read https://a.example/\nand more prose\n")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"name\": \"package\"}")]
    [InlineData("<html><body><p>hello</p></body></html>")]
    [InlineData("   ")]
    public void Detect_UnknownContent_ThrowsImportExceptionNamingTheFile(string head)
    {
        var error = Assert.Throws<ImportException>(() => ImportReader.Detect(Utf8.GetBytes(head), "/tmp/mystery.dat"));

        Assert.Contains("mystery.dat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_CutOffHead_IgnoresPartialLastLine()
    {
        var lines = string.Concat(Enumerable.Repeat("https://example.com/some/long/path\n", 300));
        var head = Utf8.GetBytes(lines)[..ImportReader.DetectionHeadBytes];

        Assert.Equal(ImportFormat.UrlList, ImportReader.Detect(head, null));
    }
}
