using Strata.Sources.Arxiv;
using Xunit;

namespace Strata.Sources.Tests.Arxiv;

public sealed class ArxivFeedParserTests
{
    [Fact]
    public void Parse_TwoEntryPage_ReadsPagingAndAllFields()
    {
        var page = Parse(ArxivResponses.TwoEntries);

        Assert.Equal(1342, page.TotalResults);
        Assert.Equal(0, page.StartIndex);
        Assert.Equal(2, page.ItemsPerPage);
        Assert.Equal(2, page.Entries.Count);

        var first = page.Entries[0];
        Assert.Equal("2401.01234", first.ArxivId);
        Assert.Equal(1, first.Version);
        Assert.Equal("Retrieval-Augmented Generation for Personal Knowledge Bases: A Survey", first.Title);
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], first.Authors);
        Assert.Equal(["cs.CL", "cs.IR"], first.Categories);
        Assert.Equal("cs.CL", first.PrimaryCategory);
        Assert.Equal(
            "Retrieval-augmented generation (RAG) grounds large language models in external documents. We survey methods for personal knowledge bases & note-taking tools.\n\n"
            + "We find that chunking matters more than the embedding model.",
            first.Abstract);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 18, 59, 59, TimeSpan.Zero), first.Published);
        Assert.Equal(first.Published, first.Updated);
        Assert.Equal(new Uri("http://arxiv.org/abs/2401.01234v1"), first.AbsUrl);
        Assert.Equal(new Uri("http://arxiv.org/pdf/2401.01234v1"), first.PdfUrl);
        Assert.Equal("10.1000/xyz123", first.Doi);
        Assert.Equal("Proc. ACL 2024, 101-112", first.JournalRef);
        Assert.Equal("12 pages, 3 figures; accepted at ACL 2024", first.Comment);
    }

    [Fact]
    public void Parse_OldStyleEntryWithoutOptionalFields_LeavesThemNull()
    {
        var second = Parse(ArxivResponses.TwoEntries).Entries[1];

        Assert.Equal("hep-th/9901001", second.ArxivId);
        Assert.Equal(1, second.Version);
        Assert.Equal(["J. Physicist"], second.Authors);
        Assert.Equal("hep-th", second.PrimaryCategory);
        Assert.Equal(new DateTimeOffset(1999, 1, 4, 12, 0, 0, TimeSpan.FromHours(-5)), second.Published);
        Assert.Equal(new Uri("http://arxiv.org/pdf/hep-th/9901001v1"), second.PdfUrl);
        Assert.Null(second.Doi);
        Assert.Null(second.JournalRef);
        Assert.Null(second.Comment);
    }

    [Fact]
    public void Parse_SecondVersion_SameIdHigherVersionLaterUpdate()
    {
        var first = Parse(ArxivResponses.TwoEntries).Entries[0];

        var page = Parse(ArxivResponses.SecondVersion);

        var revised = Assert.Single(page.Entries);
        Assert.Equal(1, page.TotalResults);
        Assert.Equal(10, page.ItemsPerPage);
        Assert.Equal(first.ArxivId, revised.ArxivId);
        Assert.Equal(2, revised.Version);
        Assert.Equal(first.Published, revised.Published);
        Assert.True(revised.Updated > first.Updated);
        Assert.Equal(new Uri("https://arxiv.org/abs/2401.01234v2"), revised.AbsUrl);
        Assert.Equal(new Uri("https://arxiv.org/pdf/2401.01234v2"), revised.PdfUrl);
        Assert.Equal("cs.CL", revised.PrimaryCategory);
    }

    [Fact]
    public void Parse_EmptyPage_ReturnsNoEntries()
    {
        var page = Parse(ArxivResponses.Empty);

        Assert.Empty(page.Entries);
        Assert.Equal(0, page.TotalResults);
        Assert.Equal(50, page.ItemsPerPage);
    }

    [Fact]
    public void Parse_ApiErrorEntry_ThrowsWithSummary()
    {
        var ex = Assert.Throws<ArxivException>(() => Parse(ArxivResponses.Error));

        Assert.Equal("arXiv API error: incorrect id format for 1234.12345", ex.Message);
    }

    [Fact]
    public void Parse_ExternalEntity_ThrowsWithoutReadingTheFile()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"strata-xxe-{Guid.NewGuid():N}.txt");
        const string Secret = "TOP-SECRET-CONTENT-42";
        File.WriteAllText(secretFile, Secret);
        try
        {
            var xml = ArxivResponses.ExternalEntity.Replace("FILE", secretFile, StringComparison.Ordinal);

            var ex = Assert.Throws<ArxivException>(() => Parse(xml));

            Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
            Assert.StartsWith("arXiv response is not well-formed XML", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void Parse_MalformedXml_ThrowsOneLineMessage()
    {
        var ex = Assert.Throws<ArxivException>(() => Parse(ArxivResponses.Malformed));

        Assert.StartsWith("arXiv response is not well-formed XML (line ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Service Unavailable</body></html>")]
    [InlineData("{\"error\": \"rate limited\"}")]
    public void Parse_NotAnAtomFeed_Throws(string body)
    {
        var ex = Assert.Throws<ArxivException>(() => Parse(body));

        Assert.StartsWith("arXiv response ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EntryWithoutId_ThrowsNamingTheProblem()
    {
        const string Xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:nothing</id><published>2024-01-01T00:00:00Z</published></entry></feed>
            """;

        var ex = Assert.Throws<ArxivException>(() => Parse(Xml));

        Assert.Equal("arXiv entry has no readable id ('urn:nothing').", ex.Message);
    }

    private static ArxivPage Parse(string xml) => ArxivFeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml));
}
