using Strata.Core.Ledger;
using Strata.Hosting.Ask;
using Strata.Testing.Chat;
using Xunit;

namespace Strata.Hosting.Tests.Models;

public sealed class AskTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AskAsync_WithModel_PromptHoldsRetrievedPassagesAndCitationsMapToRealPassages()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = _ => "Glaciers lose ice faster when summers are warmer [1].";
        var (fixture, ids) = await ModelFixture.CreateAsync(server);
        await using var _ = fixture;

        var answer = await fixture.Kb.AskAsync("Why do glaciers lose ice?", [], null, None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Contains("Glaciers lose ice faster when summers are warmer", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("Why do glaciers lose ice?", request.Prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("carbon price", request.Prompt, StringComparison.Ordinal);
        Assert.Equal(AnswerKind.Generated, answer.Kind);
        Assert.Equal("Glaciers lose ice faster when summers are warmer [1].", answer.Text);
        var citation = answer.Citations.Single(c => c.Cited);
        Assert.Equal(1, citation.Number);
        Assert.Equal(ids[0], citation.ItemId);
        var item = await fixture.Kb.GetAsync(citation.ItemId, None);
        Assert.Equal(citation.Passage, item!.Text!.Substring(citation.Start, citation.Length));
        Assert.Contains($"[1] {citation.Title}\n{citation.Passage}", request.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_UnrelatedQuestion_SaysSoAndNeverAsksTheModel()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = _ => "Sourdough needs a lively starter [1].";
        var (fixture, _) = await ModelFixture.CreateAsync(server);
        await using var _fixture = fixture;

        var answer = await fixture.Kb.AskAsync("How do I bake sourdough bread at home?", [], null, None);

        Assert.Equal(AnswerKind.NotFound, answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.DoesNotContain("starter", answer.Text, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AskAsync_ModelFindsNoAnswerInPassages_ReturnsNotFound()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = _ => "NO_ANSWER";
        var (fixture, _) = await ModelFixture.CreateAsync(server);
        await using var _fixture = fixture;

        var answer = await fixture.Kb.AskAsync("Which radar measures glaciers?", [], null, None);

        Assert.Single(server.Requests);
        Assert.Equal(AnswerKind.NotFound, answer.Kind);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AskAsync_LedgerEqualsServerUsage_AndIdenticalPromptComesFromCache()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = _ => "Reefs bleach in warm water [1].";
        var (fixture, _) = await ModelFixture.CreateAsync(server);
        await using var _fixture = fixture;

        var first = await fixture.Kb.AskAsync("Why do coral reefs bleach?", [], null, None);
        var second = await fixture.Kb.AskAsync("Why do coral reefs bleach?", [], null, None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(first.Text, second.Text);
        var ledger = await fixture.Kb.ListLedgerAsync(DateTimeOffset.MinValue, None);
        Assert.Equal(2, ledger.Count);
        var paid = ledger[0];
        Assert.Equal(("openai", "fake-model", ModelPurposes.Ask), (paid.Provider, paid.Model, paid.Purpose));
        Assert.Equal(request.PromptTokens, paid.InputTokens);
        Assert.Equal(request.CompletionTokens, paid.OutputTokens);
        Assert.False(paid.Counted);
        Assert.Equal((request.PromptTokens * 1000m + request.CompletionTokens * 2000m) / 1_000_000m, paid.Cost);
        Assert.True(ledger[1].Cached);
        Assert.Equal(0, ledger[1].TotalTokens);
        var usage = await fixture.Kb.GetUsageAsync(DateTimeOffset.MinValue, Usage.UsageGrouping.Purpose, None);
        Assert.Equal(request.PromptTokens + request.CompletionTokens, usage.Total.TotalTokens);
    }

    [Fact]
    public async Task AskAsync_BudgetSpent_FallsBackToExtractiveAnswerWithNotice()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = _ => "An answer [1].";
        var (fixture, _) = await ModelFixture.CreateAsync(server, configure: options => options.Usage.DailyTokenBudgets["ask"] = 1);
        await using var _fixture = fixture;

        var first = await fixture.Kb.AskAsync("Why do glaciers lose ice?", [], null, None);
        var second = await fixture.Kb.AskAsync("Why do coral reefs bleach?", [], null, None);

        Assert.Single(server.Requests);
        Assert.Equal(AnswerKind.Generated, first.Kind);
        Assert.Equal(AnswerKind.Extractive, second.Kind);
        Assert.Contains("budget for ask is spent", second.Notice, StringComparison.Ordinal);
        Assert.Contains("Coral reefs bleach", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_WithoutModel_HighlightsTheAnsweringSentence()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _fixture = fixture;

        var answer = await fixture.Kb.AskAsync("Can bleached reefs recover?", [], null, None);

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Null(answer.Notice);
        Assert.Equal(ids[1], answer.Citations[0].ItemId);
        Assert.Contains($"{KnowledgeBase.SnippetOpen}Bleached reefs can recover if the water cools in time.{KnowledgeBase.SnippetClose}", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{KnowledgeBase.SnippetOpen}Reefs shelter", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_TagFilter_OnlySearchesThoseItems()
    {
        var (fixture, _) = await ModelFixture.CreateAsync(null);
        await using var _fixture = fixture;

        var answer = await fixture.Kb.AskAsync("Why do glaciers lose ice?", ["policy"], null, None);

        Assert.Equal(AnswerKind.NotFound, answer.Kind);
    }

    [Fact]
    public void ContextPacker_KeepsPassagesWithinTheTokenBudget()
    {
        var passages = Enumerable.Range(0, 20).Select(i => new Passage($"id{i}", $"T{i}", null, null, 0, 0, string.Join(' ', Enumerable.Repeat("glacier ice melts", 30)), null, 20 - i, 1)).ToArray();

        var packed = ContextPacker.Pack(passages, 500, (n, p) => AI.Prompts.Source(n, p.Title, p.Text));

        var used = packed.Select((p, i) => AI.TokenCounter.Count(AI.Prompts.Source(i + 1, p.Title, p.Text))).Sum();
        Assert.InRange(used, 1, 500);
        Assert.InRange(packed.Count, 2, 19);
        Assert.Equal(passages.Take(packed.Count).Select(p => p.ItemId), packed.Select(p => p.ItemId));
    }
}
