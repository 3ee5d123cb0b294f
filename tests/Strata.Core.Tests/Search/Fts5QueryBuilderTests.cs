using Strata.Core.Search;
using Xunit;

namespace Strata.Core.Tests.Search;

public sealed class Fts5QueryBuilderTests
{
    [Theory]
    [InlineData("classified", "\"classif\"")]
    [InlineData("知识库", "\"知识 识库\"")]
    [InlineData("classified 知识库", "\"classif\" AND \"知识 识库\"")]
    [InlineData("\"running dogs\" cat", "\"cat\" AND \"run dog\"")]
    [InlineData("书", "\"书\"*")]
    [InlineData("index -draft", "\"index\" NOT \"draft\"")]
    [InlineData("a b -c -\"d e\"", "(\"a\" AND \"b\") NOT (\"c\" OR \"d e\")")]
    [InlineData("AND OR NOT", "\"and\" AND \"or\" AND \"not\"")]
    [InlineData("NEAR(a b) col:x* ^ (", "\"near a\" AND \"b\" AND \"col x\"")]
    [InlineData("index index", "\"index\"")]
    public void Build_Query_ReturnsExpectedExpression(string text, string expected)
    {
        Assert.Equal(expected, Fts5QueryBuilder.Build(SearchQueryParser.Parse(text)));
    }

    [Fact]
    public void BuildAny_SeveralTerms_JoinsWithOr()
    {
        var query = SearchQueryParser.Parse("alpha beta -gamma");

        Assert.Equal("(\"alpha\" OR \"beta\") NOT \"gamma\"", Fts5QueryBuilder.BuildAny(query));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tag:x kind:paper")]
    [InlineData("-excluded -\"only\"")]
    [InlineData("^ ( ) * :")]
    public void Build_NothingSearchable_ReturnsNull(string text)
    {
        var query = SearchQueryParser.Parse(text);

        Assert.Null(Fts5QueryBuilder.Build(query));
        Assert.Null(Fts5QueryBuilder.BuildAny(query));
    }

    [Fact]
    public void Build_HostileRawTerms_OnlyEmitsQuotedLettersAndOperators()
    {
        var query = new SearchQuery { Terms = ["\"x\" OR y*", "title:z^", "NEAR(\"a\" \"b\", 2)"] };

        var expression = Fts5QueryBuilder.Build(query);

        Assert.Equal("\"x or y\" AND \"titl z\" AND \"near a b 2\"", expression);
    }
}
