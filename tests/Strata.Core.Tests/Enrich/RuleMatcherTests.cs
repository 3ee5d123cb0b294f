using Strata.Core.Enrich.Rules;
using Strata.Core.Items;
using Xunit;

namespace Strata.Core.Tests.Enrich;

public sealed class RuleMatcherTests
{
    private static readonly Item Paper = new()
    {
        Id = "01TEST", Kind = ItemKind.Article, CollectedAt = DateTimeOffset.UnixEpoch, Url = "https://blog.example.com/papers/rag-survey",
        Title = "A survey of retrieval-augmented generation", Text = "We review RAG systems.", Language = "en",
    };

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("blog.example.com", true)]
    [InlineData("ample.com", false)]
    [InlineData("example.org", false)]
    public void Domain_MatchesTheHostAndItsParents(string domain, bool expected) =>
        Assert.Equal(expected, Match(new RuleConditions { Domain = domain }));

    [Theory]
    [InlineData("*/papers/*", true)]
    [InlineData("https://blog.example.com/papers/*", true)]
    [InlineData("https://example.com/*", false)]
    [InlineData("/rag-\\w+$/", true)]
    [InlineData("/^http:/", false)]
    public void Url_IsAGlobOrARegex(string pattern, bool expected) =>
        Assert.Equal(expected, Match(new RuleConditions { Url = pattern }));

    [Fact]
    public void AllConditions_MustHold()
    {
        Assert.True(Match(new RuleConditions { Title = "retrieval", Text = "rag", Language = "EN", Kind = "article" }));
        Assert.False(Match(new RuleConditions { Title = "retrieval", Language = "zh" }));
        Assert.False(Match(new RuleConditions { Title = "retrieval", Kind = "paper" }));
    }

    [Fact]
    public void Source_MatchesIdPrefixOrName()
    {
        var matcher = new RuleMatcher(new Rule { Id = "r1", When = new RuleConditions { Source = "Arxiv Feed" } });
        Assert.True(matcher.Matches(Paper, ["01SOURCEID", "arxiv feed"]));
        Assert.False(matcher.Matches(Paper, ["01SOURCEID"]));
        Assert.True(new RuleMatcher(new Rule { Id = "r2", When = new RuleConditions { Source = "01sourc" } }).Matches(Paper, ["01SOURCEID"]));
    }

    [Fact]
    public void InvalidRegex_IsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuleMatcher(new Rule { Id = "r", When = new RuleConditions { Title = "([" } }));
        Assert.Contains("title pattern", error.Message, StringComparison.Ordinal);
    }

    private static bool Match(RuleConditions when) => new RuleMatcher(new Rule { Id = "r", When = when }).Matches(Paper, []);
}
