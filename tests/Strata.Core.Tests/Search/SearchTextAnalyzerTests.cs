using Strata.Core.Search;
using Xunit;

namespace Strata.Core.Tests.Search;

public sealed class SearchTextAnalyzerTests
{
    [Fact]
    public void ToIndexText_MixedText_StemsWordsAndBigramsCjk()
    {
        var indexed = SearchTextAnalyzer.ToIndexText("Classified documents: 知识库 is RUNNING!");

        Assert.Equal("classif document 知识 识库 库 is run", indexed);
    }

    [Theory]
    [InlineData("classified", new[] { "classif" })]
    [InlineData("知识库", new[] { "知识", "识库" })]
    [InlineData("结构化", new[] { "结构", "构化" })]
    [InlineData("库", new[] { "库" })]
    [InlineData("e-mail", new[] { "e", "mail" })]
    [InlineData("知识库 系统", new[] { "知识", "识库", "库", "系统" })]
    [InlineData("(*^)", new string[0])]
    public void AnalyzeTerm_QueryWord_ReturnsIndexCompatibleTokens(string word, string[] expected)
    {
        Assert.Equal(expected, SearchTextAnalyzer.AnalyzeTerm(word));
    }

    [Fact]
    public void AnalyzeTerm_WordFamily_MatchesIndexedForms()
    {
        var indexed = SearchTextAnalyzer.ToIndexText("classification organization retrieval indexing connection running studies").Split(' ');

        foreach (var query in new[] { "classified", "organized", "retrieve", "indexed", "connected", "run", "study" })
        {
            Assert.Contains(SearchTextAnalyzer.AnalyzeTerm(query)[0], indexed);
        }
    }
}
