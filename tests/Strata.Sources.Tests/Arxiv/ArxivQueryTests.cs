using Strata.Sources.Arxiv;
using Xunit;

namespace Strata.Sources.Tests.Arxiv;

public sealed class ArxivQueryTests
{
    private static readonly Uri LoopbackBase = new("http://127.0.0.1:8123/api/");

    [Fact]
    public void BuildUrl_PhraseAndCategory_MatchesDocumentedShape()
    {
        var url = ArxivQuery.BuildUrl(LoopbackBase, "\"retrieval augmented\"", "cs.CL", 0, 50);

        Assert.Equal(
            "http://127.0.0.1:8123/api/query?search_query=all:%22retrieval%20augmented%22+AND+cat:cs.CL&sortBy=submittedDate&sortOrder=descending&start=0&max_results=50",
            url.AbsoluteUri);
    }

    [Fact]
    public void BuildUrl_DefaultBase_PointsAtExportApi()
    {
        var url = ArxivQuery.BuildUrl(ArxivQuery.DefaultApiBase, "rag", null, 100, 25);

        Assert.Equal(
            "https://export.arxiv.org/api/query?search_query=all:rag&sortBy=submittedDate&sortOrder=descending&start=100&max_results=25",
            url.AbsoluteUri);
    }

    [Theory]
    [InlineData("retrieval augmented", "all:retrieval+AND+all:augmented")]
    [InlineData("  knowledge   graph \"vector search\" ", "all:knowledge+AND+all:graph+AND+all:%22vector%20search%22")]
    [InlineData("rag OR retrieval", "all:rag+OR+all:retrieval")]
    [InlineData("C++ & Rust?", "all:C%2B%2B+AND+all:%26+AND+all:Rust%3F")]
    [InlineData("ti:transformer AND au:vaswani", "ti:transformer+AND+au:vaswani")]
    [InlineData("ti:\"attention is all\" ANDNOT cat:cs.CV", "ti:%22attention%20is%20all%22+ANDNOT+cat:cs.CV")]
    [InlineData("abs:q&a", "abs:q%26a")]
    public void BuildUrl_Query_EscapesTerms(string query, string expectedSearch)
    {
        var url = ArxivQuery.BuildUrl(LoopbackBase, query, null, 0, 10);

        Assert.Equal($"search_query={expectedSearch}", url.Query.Split('&')[0].TrimStart('?'));
    }

    [Theory]
    [InlineData("ti:rag OR ti:retrieval", "%28ti:rag+OR+ti:retrieval%29+AND+cat:cs.IR")]
    [InlineData("", "cat:cs.IR")]
    public void BuildUrl_WithCategory_GroupsFieldedQuery(string query, string expectedSearch)
    {
        var url = ArxivQuery.BuildUrl(LoopbackBase, query, "cs.IR", 0, 10);

        Assert.Equal($"search_query={expectedSearch}", url.Query.Split('&')[0].TrimStart('?'));
    }

    [Fact]
    public void BuildUrl_BaseWithoutTrailingSlash_KeepsItsPath()
    {
        var url = ArxivQuery.BuildUrl(new Uri("http://localhost:9000/arxiv/api"), "rag", null, 0, 1);

        Assert.StartsWith("http://localhost:9000/arxiv/api/query?", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildUrl_NoQueryNoCategory_Throws()
    {
        Assert.Throws<ArgumentException>(() => ArxivQuery.BuildUrl(LoopbackBase, "  ", null, 0, 10));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, ArxivQuery.MaxPageSize + 1)]
    public void BuildUrl_OutOfRangePaging_Throws(int start, int maxResults)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArxivQuery.BuildUrl(LoopbackBase, "rag", null, start, maxResults));
    }
}
