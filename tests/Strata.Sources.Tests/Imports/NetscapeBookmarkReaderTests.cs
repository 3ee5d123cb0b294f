using Strata.Sources.Imports;
using Xunit;

namespace Strata.Sources.Tests.Imports;

public sealed class NetscapeBookmarkReaderTests
{
    private const string Chrome = """
        <!DOCTYPE NETSCAPE-Bookmark-file-1>
        <!-- This is an automatically generated file.
             It will be read and overwritten.
             DO NOT EDIT! -->
        <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
        <TITLE>Bookmarks</TITLE>
        <H1>Bookmarks</H1>
        <DL><p>
            <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000100" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
            <DL><p>
                <DT><A HREF="https://example.com/top" ADD_DATE="1700000200" ICON="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQ">Top &amp; Center</A>
                <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000000">Tech</H3>
                <DL><p>
                    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000000">AI</H3>
                    <DL><p>
                        <DT><A HREF="https://arxiv.org/abs/1706.03762" ADD_DATE="1712345678">Attention Is All You Need</A>
                    </DL><p>
                    <DT><A HREF="https://lwn.net/" ADD_DATE="1600000000">LWN.net</A>
                </DL><p>
                <DT><A HREF="javascript:alert(1)" ADD_DATE="1700000300">Bookmarklet</A>
            </DL><p>
            <DT><A HREF="https://other.example.org/" ADD_DATE="1500000000">Other bookmark</A>
        </DL><p>
        """;

    private const string Firefox = """
        <!DOCTYPE NETSCAPE-Bookmark-file-1>
        <!-- This is an automatically generated file. -->
        <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; img-src data: *; object-src 'none'"></meta>
        <TITLE>Bookmarks</TITLE>
        <H1>Bookmarks Menu</H1>

        <DL><p>
            <DT><H3 ADD_DATE="1690000000" LAST_MODIFIED="1690000001">Reading</H3>
            <DD>Folder description that is not a note
            <DL><p>
                <DT><A HREF="https://blog.example.com/post?id=7" ADD_DATE="1691234567" LAST_MODIFIED="1691234999" ICON_URI="https://blog.example.com/favicon.ico" TAGS="Rust,async, Rust">Async &lt;Rust&gt; in depth</A>
                <DD>Read twice;
                worth it &amp; more
                <DT><A HREF="place:sort=8&maxResults=10" ADD_DATE="1690000002">Most Visited</A>
            </DL><p>
            <DT><H3 ADD_DATE="1690000000" LAST_MODIFIED="1690000001" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks Toolbar</H3>
            <DL><p>
                <DT><A HREF="https://www.mozilla.org/en-US/firefox/" ADD_DATE="1690000003" TAGS="browser">Firefox</A>
            </DL><p>
        </DL>
        """;

    [Fact]
    public void Read_ChromeExport_TurnsNestedFoldersIntoPathTags()
    {
        var run = ImportRun.Of(Chrome, ImportFormat.NetscapeBookmarks);

        Assert.Equal(["tech/ai"], run.Single("https://arxiv.org/abs/1706.03762").Tags);
        Assert.Equal(["tech"], run.Single("https://lwn.net/").Tags);
        Assert.Empty(run.Single("https://example.com/top").Tags);
        Assert.Empty(run.Single("https://other.example.org/").Tags);
    }

    [Fact]
    public void Read_ChromeExport_ReadsTitlesAndUnixDatesAsUtc()
    {
        var run = ImportRun.Of(Chrome, ImportFormat.NetscapeBookmarks);

        var paper = run.Single("https://arxiv.org/abs/1706.03762");
        Assert.Equal("Attention Is All You Need", paper.Title);
        Assert.Equal(new DateTimeOffset(2024, 4, 5, 19, 34, 38, TimeSpan.Zero), paper.SavedAt);
        Assert.Equal(TimeSpan.Zero, paper.SavedAt!.Value.Offset);
        Assert.Equal("Top & Center", run.Single("https://example.com/top").Title);
    }

    [Fact]
    public void Read_ChromeExport_KeepsFileOrderAndWarnsAboutBookmarklet()
    {
        var run = ImportRun.Of(Chrome, ImportFormat.NetscapeBookmarks);

        Assert.Equal(
            ["https://example.com/top", "https://arxiv.org/abs/1706.03762", "https://lwn.net/", "https://other.example.org/"],
            run.Bookmarks.Select(bookmark => bookmark.Url.AbsoluteUri));
        Assert.Equal(["line 20: not an http(s) URL: javascript:alert(1)"], run.Warnings);
    }

    [Fact]
    public void Read_FirefoxExport_CombinesFolderAndTagsAttribute()
    {
        var run = ImportRun.Of(Firefox, ImportFormat.NetscapeBookmarks);

        var post = run.Single("https://blog.example.com/post?id=7");
        Assert.Equal(["reading", "rust", "async"], post.Tags);
        Assert.Equal("Async <Rust> in depth", post.Title);
        Assert.Equal(["browser"], run.Single("https://www.mozilla.org/en-US/firefox/").Tags);
    }

    [Fact]
    public void Read_FirefoxExport_TakesDdAfterLinkAsNoteButNotAfterFolder()
    {
        var run = ImportRun.Of(Firefox, ImportFormat.NetscapeBookmarks);

        Assert.Equal("Read twice;\nworth it & more", run.Single("https://blog.example.com/post?id=7").Note);
        Assert.All(run.Bookmarks.Where(b => b.Url.Host != "blog.example.com"), bookmark => Assert.Null(bookmark.Note));
    }

    [Fact]
    public void Read_FirefoxPlaceQuery_IsSkippedWithOneWarning()
    {
        var run = ImportRun.Of(Firefox, ImportFormat.NetscapeBookmarks);

        Assert.Equal(2, run.Bookmarks.Count);
        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("line 15: not an http(s) URL: place:sort=8", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonDeclaredAsNetscape_ThrowsImportException()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("""{ "bookmarks": [] }"""));

        var error = Assert.Throws<ImportException>(() => ImportReader.Read(stream, ImportFormat.NetscapeBookmarks, []));

        Assert.Contains("Netscape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HtmlWithoutBookmarkList_ThrowsImportException()
    {
        Assert.Throws<ImportException>(() => ImportRun.Of("<html><body><p>hello</p></body></html>", ImportFormat.NetscapeBookmarks));
    }

    [Fact]
    public void Read_UnclosedAnchorsAndMissingDates_StillReadsEveryLink()
    {
        const string sloppy = "<DL><DT><A HREF=https://a.example/>A<DT><A HREF='https://b.example/' ADD_DATE=\"0\">B</DL>";

        var run = ImportRun.Of(sloppy, ImportFormat.NetscapeBookmarks);

        Assert.Equal(["A", "B"], run.Bookmarks.Select(bookmark => bookmark.Title));
        Assert.All(run.Bookmarks, bookmark => Assert.Null(bookmark.SavedAt));
    }

    [Fact]
    public void Read_GeneratedTenThousandEntries_ReadsAllWithFolderTags()
    {
        var file = NetscapeFixture.Generate(10_000, foldersOf: 100);

        var run = ImportRun.Of(file, ImportFormat.NetscapeBookmarks);

        Assert.Equal(10_000, run.Bookmarks.Count);
        Assert.Empty(run.Warnings);
        Assert.Equal("https://site99.example.com/articles/9999", run.Bookmarks[^1].Url.AbsoluteUri);
        Assert.Equal(["folder 99/sub", "tag99"], run.Bookmarks[^1].Tags);
        Assert.Equal(100, run.Bookmarks.Select(bookmark => bookmark.Tags[0]).Distinct().Count());
    }

    [Fact]
    public void Read_LegacyWindows1252File_DecodesAccents()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var html = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META CONTENT=\"text/html; charset=windows-1252\">\n<DL><p>\n"
            + "<DT><H3>Caf\u00e9s</H3>\n<DL><p>\n<DT><A HREF=\"https://example.fr/\">Cr\u00e8me br\u00fbl\u00e9e \u2013 recette</A>\n</DL><p>\n</DL>";
        var bytes = System.Text.Encoding.GetEncoding(1252).GetBytes(html);

        var run = ImportRun.Of(bytes, ImportFormat.NetscapeBookmarks);

        var bookmark = Assert.Single(run.Bookmarks);
        Assert.Equal("Cr\u00e8me br\u00fbl\u00e9e \u2013 recette", bookmark.Title);
        Assert.Equal(["caf\u00e9s"], bookmark.Tags);
    }

    [Fact]
    public void Read_CommentsAndLessThanInText_DoNotBreakParsing()
    {
        const string html = "<DL><!-- a <DT><A HREF=\"https://hidden.example/\">x</A> -- still comment --><DT><A HREF=\"https://a.example/\">1 < 2 <3</A></DL>";

        var run = ImportRun.Of(html, ImportFormat.NetscapeBookmarks);

        var bookmark = Assert.Single(run.Bookmarks);
        Assert.Equal("1 < 2 <3", bookmark.Title);
    }
}
