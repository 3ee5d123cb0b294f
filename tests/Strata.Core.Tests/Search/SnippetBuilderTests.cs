using Strata.Core.Search;
using Xunit;

namespace Strata.Core.Tests.Search;

public sealed class SnippetBuilderTests
{
    private static string Build(string text, string query, int maxChars = 200) =>
        SnippetBuilder.Build(text, SearchQueryParser.Parse(query), maxChars);

    [Fact]
    public void Build_EnglishStemQuery_HighlightsInflectedForm()
    {
        var snippet = Build("A survey of document classification methods.", "classified");

        Assert.Equal("A survey of document [classification] methods.", snippet);
    }

    [Fact]
    public void Build_ChineseTerm_HighlightsWholeSubstring()
    {
        var snippet = Build("我的个人知识库系统支持全文检索。", "知识库");

        Assert.Equal("我的个人[知识库]系统支持全文检索。", snippet);
    }

    [Fact]
    public void Build_MultiTokenTerm_HighlightsOnlyWholeOccurrences()
    {
        var snippet = Build("结构化的知识，不是知识库。Machine time; machine learning.", "知识库 \"machine learning\"");

        Assert.Equal("结构化的知识，不是[知识库]。Machine time; [machine] [learning].", snippet);
    }

    [Fact]
    public void Build_SingleChineseCharacter_HighlightsEveryOccurrence()
    {
        var snippet = Build("书店里的书很多", "书");

        Assert.Equal("[书]店里的[书]很多", snippet);
    }

    [Fact]
    public void Build_LongText_ChoosesWindowWithMostDistinctTermsAndAddsEllipses()
    {
        var filler = string.Concat(Enumerable.Repeat("Nothing relevant is said in this sentence at all. ", 20));
        var text = filler + "Here the indexer is running fast and the retrieval works. " + filler + "Only running here. " + filler;

        var snippet = Build(text, "run retrieve", maxChars: 120);

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("Here the indexer is [running] fast and the [retrieval] works.", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("Only", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CutMidText_SnapsToWordBoundaries()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}")) + " target " + string.Join(' ', Enumerable.Range(0, 200).Select(i => $"tail{i}"));

        var snippet = Build(text, "target", maxChars: 60);

        var inner = snippet.Trim('…');
        Assert.Matches(@"^word\d+ ", inner);
        Assert.Matches(@" tail\d+$", inner);
        Assert.Contains("[target]", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Markdown_StripsSyntaxNoiseAndLinkUrls()
    {
        const string text = "# Heading about **search**\n\n> See the [search guide](https://example.com/search?q=1) and `code`.\n- ![diagram](img.png) item";

        var snippet = Build(text, "search");

        Assert.Equal("Heading about [search] See the [search] guide and code. diagram item", snippet);
    }

    [Fact]
    public void Build_NoMatch_ReturnsStartOfText()
    {
        var text = "First sentence here. " + new string('x', 400);

        var snippet = Build(text, "absent", maxChars: 50);

        Assert.StartsWith("First sentence here.", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Build_ExtremeMaxChars_StaysWithinText(int maxChars)
    {
        var text = "Short text about indexing. " + new string('z', 50);

        var snippet = SnippetBuilder.Build(text, SearchQueryParser.Parse("index"), maxChars);

        Assert.Contains("[indexing]", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= text.Length + 4);
    }

    [Fact]
    public void Build_CustomMarkers_WrapsMatches()
    {
        var snippet = SnippetBuilder.Build("Connected sources", SearchQueryParser.Parse("connection"), open: "<mark>", close: "</mark>");

        Assert.Equal("<mark>Connected</mark> sources", snippet);
    }

    [Fact]
    public void Build_ExcludedTermsAndEmptyText_AreNotHighlighted()
    {
        Assert.Equal("draft notes", Build("draft notes", "-draft"));
        Assert.Equal(string.Empty, Build(string.Empty, "anything"));
    }
}
