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
    [InlineData("书", "书*", true, "")]
    [InlineData("知识库 书", "知识 识库|书*", true, "")]
    [InlineData("\"知识 库\" -书", "知识 识 库*", true, "书*")]
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
        Assert.Equal(["say", "\"hi\""], query.Positive[0].Words);
    }

    [Fact]
    public void TryParse_PrefixMarker_AppliesToTheLastTokenOfItsPhraseOnly()
    {
        var query = KeywordQuery.TryParse("\"知识 库\"* OR \"书\" NOT (\"报\"* OR \"x\")");

        Assert.NotNull(query);
        Assert.Equal([true, false], query.Positive.Select(expression => expression.PrefixLast));
        Assert.Equal([true, false], query.Excluded.Select(expression => expression.PrefixLast));
        Assert.Equal([new PhraseUnit("知识", 0), new PhraseUnit("库", 1, Prefix: true)], query.Positive[0].Units());
    }

    [Theory]
    [InlineData("\"书\"**")]                        // a prefix marker twice
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

    private static string Describe(IReadOnlyList<KeywordExpression> expressions) =>
        string.Join('|', expressions.Select(expression => expression.ToString()));
}
