using Strata.Sources.Imports;
using Xunit;

namespace Strata.Sources.Tests.Imports;

public sealed class ReadwiseCsvReaderTests
{
    private const string Csv = "\uFEFF" + """"
        Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen
        "Transformers, explained",https://example.com/transformers,01h1,"['ai', 'ml']",2023-05-08 12:34:56+00:00,0.5,archive,True
        "A title with
        a newline",https://example.com/newline,01h2,"ai, Reading",2024-01-02T03:04:05+02:00,0,later,False
        javascript,javascript:void(0),01h3,[],2024-01-02T03:04:05Z,0,new,False
        "Quotes ""inside""",https://example.com/quotes,01h4,"[""it's"", 'x']",,0,shortlist,False
        """";

    [Fact]
    public void Read_QuotedCommaAndPythonListTags_AreParsed()
    {
        var run = ImportRun.Of(Csv, ImportFormat.ReadwiseReader);

        var first = run.Single("https://example.com/transformers");
        Assert.Equal("Transformers, explained", first.Title);
        Assert.Equal(["ai", "ml"], first.Tags);
        Assert.True(first.Archived);
    }

    [Fact]
    public void Read_EmbeddedNewline_StaysInTitle()
    {
        var run = ImportRun.Of(Csv, ImportFormat.ReadwiseReader);

        var second = run.Single("https://example.com/newline");
        Assert.Equal("A title with\na newline", second.Title!.ReplaceLineEndings("\n"));
        Assert.Equal(["ai", "reading"], second.Tags);
        Assert.False(second.Archived);
    }

    [Fact]
    public void Read_SavedDates_AreConvertedToUtc()
    {
        var run = ImportRun.Of(Csv, ImportFormat.ReadwiseReader);

        Assert.Equal(new DateTimeOffset(2023, 5, 8, 12, 34, 56, TimeSpan.Zero), run.Single("https://example.com/transformers").SavedAt);
        var converted = run.Single("https://example.com/newline").SavedAt;
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 1, 4, 5, TimeSpan.Zero), converted);
        Assert.Equal(TimeSpan.Zero, converted!.Value.Offset);
        Assert.Null(run.Single("https://example.com/quotes").SavedAt);
    }

    [Fact]
    public void Read_BadRow_WarnsWithItsStartingLine()
    {
        var run = ImportRun.Of(Csv, ImportFormat.ReadwiseReader);

        Assert.Equal(3, run.Bookmarks.Count);
        Assert.Equal(["line 5: not an http(s) URL: javascript:void(0)"], run.Warnings);
    }

    [Fact]
    public void Read_DoubleQuotedPythonString_KeepsApostrophe()
    {
        var run = ImportRun.Of(Csv, ImportFormat.ReadwiseReader);

        var quotes = run.Single("https://example.com/quotes");
        Assert.Equal("Quotes \"inside\"", quotes.Title);
        Assert.Equal(["it's", "x"], quotes.Tags);
        Assert.False(quotes.Archived);
    }
}
