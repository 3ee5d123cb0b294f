using Strata.Core.Search;
using Xunit;

namespace Strata.Core.Tests.Search;

public sealed class SearchQueryParserTests
{
    [Fact]
    public void Parse_FullLanguage_FillsEveryPart()
    {
        var query = SearchQueryParser.Parse(
            "words \"a phrase\" -excluded -\"excluded phrase\" tag:x category:Reading source:y kind:Paper lang:ZH after:2026-01-01 before:2026-06-30 is:unread more");

        Assert.Equal(["words", "more"], query.Terms);
        Assert.Equal(["a phrase"], query.Phrases);
        Assert.Equal(["excluded"], query.ExcludedTerms);
        Assert.Equal(["excluded phrase"], query.ExcludedPhrases);
        Assert.Equal(["x"], query.Tags);
        Assert.Equal(["Reading"], query.Categories);
        Assert.Equal(["y"], query.Sources);
        Assert.Equal(["paper"], query.Kinds);
        Assert.Equal(["zh"], query.Languages);
        Assert.Equal(["unread"], query.Statuses);
        Assert.Equal(new DateOnly(2026, 1, 1), query.After);
        Assert.Equal(new DateOnly(2026, 6, 30), query.Before);
        Assert.True(query.HasText);
        Assert.True(query.HasFilters);
    }

    [Fact]
    public void Parse_QuotedFilterValueAndRepeatedTags_KeepsAll()
    {
        var query = SearchQueryParser.Parse("tag:\"machine learning\" TAG:ai");

        Assert.Equal(["machine learning", "ai"], query.Tags);
        Assert.Empty(query.Terms);
    }

    [Fact]
    public void Parse_PartialDates_UseFirstAndLastDayOfPeriod()
    {
        var query = SearchQueryParser.Parse("after:2026-02 before:2026");

        Assert.Equal(new DateOnly(2026, 2, 1), query.After);
        Assert.Equal(new DateOnly(2026, 12, 31), query.Before);
    }

    [Theory]
    [InlineData("col:x*")]
    [InlineData("after:yesterday")]
    [InlineData("http://example.com")]
    [InlineData("tag:")]
    public void Parse_UnknownKeyOrInvalidValue_KeepsPlainTerm(string text)
    {
        var query = SearchQueryParser.Parse(text);

        Assert.Equal([text], query.Terms);
        Assert.False(query.HasFilters);
    }

    [Fact]
    public void Parse_UnbalancedQuote_TakesRestAsPhrase()
    {
        var query = SearchQueryParser.Parse("alpha \"unbalanced beta");

        Assert.Equal(["alpha"], query.Terms);
        Assert.Equal(["unbalanced beta"], query.Phrases);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("- -")]
    [InlineData("^")]
    [InlineData("(")]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("-\"")]
    [InlineData("   ")]
    [InlineData(":")]
    [InlineData("***")]
    public void Parse_NothingSearchable_ReturnsQueryWithoutText(string text)
    {
        var query = SearchQueryParser.Parse(text);

        Assert.False(query.HasText);
        Assert.Empty(query.ExcludedTerms);
        Assert.Empty(query.ExcludedPhrases);
    }

    [Fact]
    public void Parse_Fts5Operators_BecomePlainTerms()
    {
        var query = SearchQueryParser.Parse("AND OR NOT NEAR(a b) ^c");

        Assert.Equal(["AND", "OR", "NOT", "NEAR(a", "b)", "^c"], query.Terms);
    }

    [Fact]
    public void Parse_NegatedFilter_IsIgnored()
    {
        var query = SearchQueryParser.Parse("x -tag:draft");

        Assert.Equal(["x"], query.Terms);
        Assert.Empty(query.Tags);
        Assert.Empty(query.ExcludedTerms);
    }

    [Fact]
    public void Parse_Null_ReturnsEmpty()
    {
        Assert.Same(SearchQuery.Empty, SearchQueryParser.Parse(null));
    }

    [Fact]
    public void Parse_ManyItems_KeepsAtMostMaxItems()
    {
        var text = string.Join(' ', Enumerable.Range(0, 500).Select(i => $"w{i}"));

        var query = SearchQueryParser.Parse(text);

        Assert.Equal(SearchQueryParser.MaxItems, query.Terms.Count);
    }
}
