using Strata.Sources.Imports;
using Xunit;

namespace Strata.Sources.Tests.Imports;

public sealed class PocketReaderTests
{
    private const string Html = """
        <!DOCTYPE html>
        <html>
        	<!--So long and thanks for all the fish-->
        	<head>
        		<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
        		<title>Pocket Export</title>
        	</head>
        	<body>
        		<h1>Unread</h1>
        		<ul>
        			<li><a href="https://www.theverge.com/2024/story" time_added="1700000000" tags="tech,News">The Verge story</a></li>
        			<li><a href="not a url" time_added="1700000001" tags="">Broken</a></li>
        		</ul>

        		<h1>Read Archive</h1>
        		<ul>
        			<li><a href="https://example.org/archived" time_added="1600000000" tags="">https://example.org/archived</a></li>
        		</ul>
        	</body>
        </html>
        """;

    private const string Csv = """
        title,url,time_added,cursor,tags,status
        "Hello, world",https://example.com/hello,1700000000,abc,dev|Rust|dev,unread
        Old one,https://example.com/old,1500000000,def,,archive
        No url,,1500000000,ghi,,unread
        """;

    [Fact]
    public void Read_HtmlExport_MarksReadArchiveAsArchived()
    {
        var run = ImportRun.Of(Html, ImportFormat.Pocket);

        Assert.False(run.Single("https://www.theverge.com/2024/story").Archived);
        Assert.True(run.Single("https://example.org/archived").Archived);
    }

    [Fact]
    public void Read_HtmlExport_ReadsTagsTitleAndDate()
    {
        var run = ImportRun.Of(Html, ImportFormat.Pocket);

        var story = run.Single("https://www.theverge.com/2024/story");
        Assert.Equal(["tech", "news"], story.Tags);
        Assert.Equal("The Verge story", story.Title);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), story.SavedAt);
    }

    [Fact]
    public void Read_HtmlExportWithBadLink_WarnsWithLineAndKeepsTheRest()
    {
        var run = ImportRun.Of(Html, ImportFormat.Pocket);

        Assert.Equal(2, run.Bookmarks.Count);
        Assert.Equal(["line 12: not an http(s) URL: not a url"], run.Warnings);
    }

    [Fact]
    public void Read_CsvExport_SplitsPipeTagsAndReadsStatus()
    {
        var run = ImportRun.Of(Csv, ImportFormat.Pocket);

        var hello = run.Single("https://example.com/hello");
        Assert.Equal("Hello, world", hello.Title);
        Assert.Equal(["dev", "rust"], hello.Tags);
        Assert.False(hello.Archived);
        Assert.True(run.Single("https://example.com/old").Archived);
        Assert.Equal(new DateTimeOffset(2017, 7, 14, 2, 40, 0, TimeSpan.Zero), run.Single("https://example.com/old").SavedAt);
    }

    [Fact]
    public void Read_CsvRowWithoutUrl_WarnsMissingUrl()
    {
        var run = ImportRun.Of(Csv, ImportFormat.Pocket);

        Assert.Equal(["line 4: missing URL"], run.Warnings);
    }

    [Fact]
    public void Read_CsvWithoutUrlColumn_ThrowsImportException()
    {
        var error = Assert.Throws<ImportException>(() => ImportRun.Of("name,address\nx,y\n", ImportFormat.Pocket));

        Assert.Contains("url", error.Message, StringComparison.Ordinal);
    }
}
