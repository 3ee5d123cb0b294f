using Strata.Core.Search;
using Strata.Core.Search.Ranking;
using Xunit;

namespace Strata.Core.Tests.Search.Ranking;

public sealed class KeywordQueryTests
{
    [Theory]
    [InlineData("classified", "classif", true, "")]
    [InlineData("知识库", "知识 识库", true, "")]
    [InlineData("classified 知识库", "classif|知识 识库", true, "")]
    [InlineData("\"running dogs\" cat", "cat|run dog", true, "")]
    [InlineData("index -draft", "index", true, "draft")]
    [InlineData("a b -c -\"d e\"", "a|b", true, "c|d e")]
    [InlineData("AND OR NOT", "and|or|not", true, "")]
    public void TryParse_WhatTheBuilderWrites_ReadsItBack(string text, string positive, bool requireAll, string excluded)
    {
        var query = KeywordQuery.TryParse(Fts5QueryBuilder.Build(SearchQueryParser.Parse(text))!);

        Assert.NotNull(query);
        Assert.Equal(positive, Describe(query.Positive));
        Assert.Equal(requireAll, query.RequireAll);
        Assert.Equal(excluded, Describe(query.Excluded));
    }

    [Fact]
    public void TryParse_AnyForm_RequiresOneOfThem()
    {
        var query = KeywordQuery.TryParse(Fts5QueryBuilder.BuildAny(SearchQueryParser.Parse("alpha beta -gamma"))!);

        Assert.NotNull(query);
        Assert.False(query.RequireAll);
        Assert.Equal("alpha|beta", Describe(query.Positive));
        Assert.Equal("gamma", Describe(query.Excluded));
    }

    [Fact]
    public void TryParse_QuotesInsideTokens_AreUnescaped()
    {
        var query = KeywordQuery.TryParse("\"say \"\"hi\"\"\"");

        Assert.NotNull(query);
        Assert.Equal(["say", "\"hi\""], query.Positive[0]);
    }

    [Theory]
    [InlineData("\"书\"*")]                         // prefix: FTS5 answers it
    [InlineData("\"a\" AND \"b\" OR \"c\"")]         // mixed operators
    [InlineData("\"a\" NOT (\"b\" AND \"c\")")]      // an AND group excluded
    [InlineData("\"unterminated")]
    [InlineData("bare")]
    [InlineData("(\"a\" AND \"b\"")]
    [InlineData("\"\"")]
    [InlineData("")]
    public void TryParse_AnythingElse_ReturnsNull(string expression)
    {
        Assert.Null(KeywordQuery.TryParse(expression));
    }

    private static string Describe(IReadOnlyList<IReadOnlyList<string>> expressions) =>
        string.Join('|', expressions.Select(expression => string.Join(' ', expression)));
}
