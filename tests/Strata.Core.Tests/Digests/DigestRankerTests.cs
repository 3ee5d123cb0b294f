using Strata.Core.Digests;
using Strata.Core.Items;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Core.Tests.Digests;

public sealed class DigestRankerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compose_NearDuplicateOfEarlierDigest_IsNotATopStory()
    {
        var candidates = new[]
        {
            Candidate("a", "Glacier melt speeds up in the Alps", "Alpine glaciers lost record ice volume this summer, radar surveys show.", "climate"),
            Candidate("b", "New coral reef survey published", "Divers mapped reef bleaching across the Pacific after the heatwave.", "climate"),
        };
        string[] earlier = ["Glacier melt speeds up in the Alps Alpine glaciers lost record ice volume this summer, radar surveys show."];

        var digest = DigestComposer.Compose(Now.AddDays(-1), Now, null, candidates, earlier, new Dictionary<string, double>(), topStories: 5);

        Assert.Equal(["b"], digest.TopStories.Select(entry => entry.ItemId));
        var a = digest.Groups.SelectMany(group => group.Entries).Single(entry => entry.ItemId == "a");
        Assert.True(a.Novelty < DigestRanker.MinNovelty, $"novelty {a.Novelty}");
    }

    [Fact]
    public void Compose_EquallyNovelItems_RankByTheUsersInterests()
    {
        var candidates = new[]
        {
            Candidate("cooking", "A better sourdough starter", "Feeding a starter twice a day keeps it lively.", "food"),
            Candidate("llm", "Smaller language models that reason", "Distilled models now match larger ones on math benchmarks.", "ai/llm"),
            Candidate("garden", "Tomatoes in pots", "Water tomatoes deeply and less often.", "garden"),
        };
        var interests = new Dictionary<string, double> { ["ai"] = 4, ["garden"] = 1 };

        var digest = DigestComposer.Compose(Now.AddDays(-1), Now, null, candidates, [], interests, topStories: 3);

        Assert.Equal(["llm", "garden", "cooking"], digest.TopStories.Select(entry => entry.ItemId));
        Assert.Equal(1.0, digest.TopStories[0].Interest, 3);
    }

    [Fact]
    public void Compose_TwoCopiesOfOneStory_OnlyOneIsATopStory()
    {
        var candidates = new[]
        {
            Candidate("x1", "Rust 2.0 released", "The Rust team released version 2.0 with a new borrow checker.", "dev"),
            Candidate("x2", "Rust 2.0 released", "The Rust team released version 2.0 with a new borrow checker today.", "dev"),
            Candidate("y", "Postgres adds vector search", "PostgreSQL 19 ships a native vector index.", "dev"),
        };

        var digest = DigestComposer.Compose(Now.AddDays(-1), Now, null, candidates, [], new Dictionary<string, double>(), topStories: 3);

        Assert.Equal(2, digest.TopStories.Count);
        Assert.Contains(digest.TopStories, entry => entry.ItemId == "y");
        Assert.Single(digest.Groups);
        Assert.Equal("dev", digest.Groups[0].Name);
    }

    [Fact]
    public void Render_AllFormatsCarryTitleSourceSummaryAndLink()
    {
        var candidates = new[] { Candidate("a", "Tom & Jerry <3", "A cat chases a mouse.", "fun") };
        var digest = DigestComposer.Compose(Now.AddDays(-1), Now, null, candidates, [], new Dictionary<string, double>(), 5);

        Assert.Contains("[Tom & Jerry <3](https://example.org/a) — example.org: A cat chases a mouse.", DigestRenderer.Markdown(digest), StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a\">Tom &amp; Jerry &lt;3</a>", DigestRenderer.Html(digest), StringComparison.Ordinal);
        Assert.Contains("https://example.org/a", DigestRenderer.PlainText(digest), StringComparison.Ordinal);
    }

    private static DigestCandidate Candidate(string id, string title, string summary, string tag) => new(
        new ItemSummary(id, ItemKind.Article, ItemState.Indexed, title, $"https://example.org/{id}", null, null, "en", Now.AddHours(-1), null, 100, [tag], null),
        null, summary);
}
