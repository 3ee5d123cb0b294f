using Strata.Sources.Imports.Opml;
using Xunit;

namespace Strata.Sources.Tests.Imports.Opml;

public sealed class OpmlTests
{
    private const string Nested = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0">
          <head><title>My subscriptions</title></head>
          <body>
            <outline text="Loose" type="rss" xmlUrl="https://loose.example.com/feed" />
            <outline text="Tech" title="Tech">
              <outline text=".NET">
                <outline text="Dotnet Blog" title="The .NET Blog" type="rss" xmlUrl="https://devblogs.example.com/dotnet/feed/" htmlUrl="https://devblogs.example.com/dotnet/" />
                <outline text="A &amp; B &lt;news&gt;" type="rss" XMLURL="https://ab.example.com/rss?x=1&amp;y=2" />
              </outline>
              <outline text="Rust" type="rss" xmlUrl="https://rust.example.org/feed.xml" />
            </outline>
            <outline text="Broken" type="rss" xmlUrl="not a url" />
            <outline text="Empty folder" />
          </body>
        </opml>
        """;

    [Fact]
    public void Read_NestedOutlines_GivesFolderPathsAsCategories()
    {
        var feeds = Read(Nested);

        Assert.Equal(4, feeds.Count);
        Assert.Equal(new OpmlFeed(new Uri("https://loose.example.com/feed"), null, "Loose", feeds[0].Categories), feeds[0]);
        Assert.Empty(feeds[0].Categories);
        Assert.Equal("The .NET Blog", feeds[1].Title);
        Assert.Equal(new Uri("https://devblogs.example.com/dotnet/"), feeds[1].HtmlUrl);
        Assert.Equal(["Tech", ".NET"], feeds[1].Categories);
        Assert.Equal("A & B <news>", feeds[2].Title);
        Assert.Equal(new Uri("https://ab.example.com/rss?x=1&y=2"), feeds[2].XmlUrl);
        Assert.Equal(["Tech"], feeds[3].Categories);
    }

    [Fact]
    public void Write_ThenRead_RoundTripsFeedsTitlesAndFolders()
    {
        var original = Read(Nested);

        var written = OpmlWriter.Write(original, "Strata <export>", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)));
        var reread = Read(written);

        Assert.Equal(original.Count, reread.Count);
        foreach (var (before, after) in original.Zip(reread))
        {
            Assert.Equal(before.XmlUrl, after.XmlUrl);
            Assert.Equal(before.HtmlUrl, after.HtmlUrl);
            Assert.Equal(before.Title, after.Title);
            Assert.Equal(before.Categories, after.Categories);
        }
    }

    [Fact]
    public void Write_EscapesTextAndDeclaresOpml20()
    {
        var feeds = new[] { new OpmlFeed(new Uri("https://x.example.com/?a=1&b=2"), null, "Tom & \"Jerry\" <3 \u0001", ["News & Views"]) };

        var written = OpmlWriter.Write(feeds, "Mine & yours", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", written, StringComparison.Ordinal);
        Assert.Contains("<opml version=\"2.0\">", written, StringComparison.Ordinal);
        Assert.Contains("<title>Mine &amp; yours</title>", written, StringComparison.Ordinal);
        Assert.Contains("<dateCreated>Tue, 02 Jan 2024 02:04:05 GMT</dateCreated>", written, StringComparison.Ordinal);
        Assert.Contains("xmlUrl=\"https://x.example.com/?a=1&amp;b=2\"", written, StringComparison.Ordinal);
        var reread = Assert.Single(Read(written));
        Assert.Equal("Tom & \"Jerry\" <3", reread.Title);
        Assert.Equal(["News & Views"], reread.Categories);
    }

    [Fact]
    public void Write_FeedWithoutTitle_ReadsBackWithoutTitle()
    {
        var feeds = new[] { new OpmlFeed(new Uri("https://untitled.example.com/feed"), null, null, []) };

        var reread = Assert.Single(Read(OpmlWriter.Write(feeds, "t", DateTimeOffset.UnixEpoch)));

        Assert.Null(reread.Title);
    }

    [Fact]
    public void Read_ExternalEntity_NeverResolvesFileContent()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE opml [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <opml version="2.0"><body><outline text="&e;" xmlUrl="https://a.example.com/feed" /></body></opml>
            """;

        string outcome;
        try
        {
            outcome = string.Join("\n", Read(xxe).Select(f => f.Title));
        }
        catch (OpmlException e)
        {
            outcome = e.Message;
        }

        Assert.DoesNotContain("root:", outcome, StringComparison.Ordinal);
        Assert.StartsWith("malformed OPML at line 3,", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotOpml_SaysSo()
    {
        var error = Assert.Throws<OpmlException>(() => Read("<rss version=\"2.0\"/>"));

        Assert.Equal("not an OPML file (the document's root element is <rss>)", error.Message);
    }

    [Fact]
    public void Read_LargerThanLimit_ThrowsSizeError()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Nested);

        var error = Assert.Throws<OpmlException>(() => OpmlReader.Read(bytes, maxBytes: 512));

        Assert.Equal("OPML file is larger than the 512 bytes limit", error.Message);
    }

    private static IReadOnlyList<OpmlFeed> Read(string text) => OpmlReader.Read(System.Text.Encoding.UTF8.GetBytes(text));
}
