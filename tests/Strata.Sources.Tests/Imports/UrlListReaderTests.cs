using Strata.Sources.Imports;
using Xunit;

namespace Strata.Sources.Tests.Imports;

public sealed class UrlListReaderTests
{
    private const string List = """
        # my reading list

        https://example.com/a
        https://example.com/b	Tabbed title
        http://example.com/c   Spaced   title
        ftp://example.com/file
          # indented comment
        """;

    [Fact]
    public void Read_List_SkipsCommentsAndBlankLines()
    {
        var run = ImportRun.Of(List, ImportFormat.UrlList);

        Assert.Equal(
            ["https://example.com/a", "https://example.com/b", "http://example.com/c"],
            run.Bookmarks.Select(bookmark => bookmark.Url.AbsoluteUri));
    }

    [Fact]
    public void Read_TextAfterUrl_BecomesTitle()
    {
        var run = ImportRun.Of(List, ImportFormat.UrlList);

        Assert.Null(run.Single("https://example.com/a").Title);
        Assert.Equal("Tabbed title", run.Single("https://example.com/b").Title);
        Assert.Equal("Spaced   title", run.Single("http://example.com/c").Title);
    }

    [Fact]
    public void Read_NonHttpLine_WarnsWithLineNumber()
    {
        var run = ImportRun.Of(List, ImportFormat.UrlList);

        Assert.Equal(["line 6: not an http(s) URL: ftp://example.com/file"], run.Warnings);
    }

    [Fact]
    public void Read_ProseDeclaredAsUrlList_ThrowsImportException()
    {
        Assert.Throws<ImportException>(() => ImportRun.Of("Dear diary,\ntoday I read things.\n", ImportFormat.UrlList));
    }
}
