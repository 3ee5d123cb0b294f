using Microsoft.Extensions.AI;
using Strata.AI;
using Strata.Core.Ledger;
using Strata.Core.Summaries;
using Strata.Testing.Chat;
using Xunit;

namespace Strata.Hosting.Tests.Models;

public sealed class SummaryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Ingest_WithoutModel_StoresAnExtractiveSummary()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;

        var summary = Assert.Single(await fixture.Kb.GetSummariesAsync(ids[0], None));

        Assert.Equal(SummaryMethods.Extractive, summary.Method);
        Assert.Null(summary.Model);
        Assert.Contains("glaciers", summary.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(summary.KeyPoints);
    }

    [Fact]
    public async Task SummarizeItemAsync_Ollama_StoresAbstractiveSummaryWithModelKeyPointsAndLedger()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = _ => "SUMMARY:\nAlpine glaciers shrink each summer.\nKEY POINTS:\n- Warm summers speed the loss\n- Radar measures it";
        var (fixture, ids) = await ModelFixture.CreateAsync(server, "ollama");
        await using var _ = fixture;

        var outcome = await fixture.Kb.SummarizeItemAsync(ids[0], regenerate: false, None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/chat", request.Path);
        Assert.Contains(ModelFixture.Glaciers, request.Prompt, StringComparison.Ordinal);
        Assert.Equal(SummaryMethods.Abstractive, outcome!.Summary.Method);
        Assert.Equal("fake-model", outcome.Summary.Model);
        Assert.Equal("Alpine glaciers shrink each summer.", outcome.Summary.Text);
        Assert.Equal(["Warm summers speed the loss", "Radar measures it"], outcome.Summary.KeyPoints);
        var stored = await fixture.Kb.GetSummariesAsync(ids[0], None);
        Assert.Equal([SummaryMethods.Abstractive, SummaryMethods.Extractive], stored.Select(s => s.Method));
        var entry = Assert.Single(await fixture.Kb.ListLedgerAsync(DateTimeOffset.MinValue, None));
        Assert.Equal(("ollama", ModelPurposes.Summary, (long)request.PromptTokens, (long)request.CompletionTokens), (entry.Provider, entry.Purpose, entry.InputTokens, entry.OutputTokens));

        // Stored: asking again does not call the model; --regenerate does.
        await fixture.Kb.SummarizeItemAsync(ids[0], regenerate: false, None);
        Assert.Single(server.Requests);
        server.Reply = _ => "SUMMARY:\nGlaciers melt.\nKEY POINTS:\n- One";
        var again = await fixture.Kb.SummarizeItemAsync(ids[0], regenerate: true, None);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("Glaciers melt.", again!.Summary.Text);
    }

    [Fact]
    public async Task SummarizeMissingAsync_BudgetCutsOverToClassicalAndSaysSoOnce()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = prompt => "SUMMARY:\nA short summary.\nKEY POINTS:\n- a";
        var (fixture, _) = await ModelFixture.CreateAsync(server, configure: options => options.Usage.DailyTokenBudgets["summary"] = 1);
        await using var _fixture = fixture;

        var report = await fixture.Kb.SummarizeMissingAsync(10, null, None);

        Assert.Single(server.Requests);
        Assert.Equal(1, report.Abstractive);
        Assert.Contains("budget for summary is spent", report.Notice, StringComparison.Ordinal);
        Assert.Empty(report.Failures);
    }

    [Fact]
    public async Task SummarizeSetAsync_WithModel_PromptNumbersEachItemsSummary()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = _ => "Ice and reefs both suffer from warming [1][2].";
        var (fixture, ids) = await ModelFixture.CreateAsync(server);
        await using var _ = fixture;

        var set = await fixture.Kb.SummarizeSetAsync(null, ["climate"], null, 10, None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(2, set!.Sources.Count);
        Assert.Equal(ids.Take(2).Order(), set.Sources.Select(s => s.ItemId).Order());
        foreach (var source in set.Sources)
        {
            Assert.Contains($"[{source.Number}] {source.Title}\n", request.Prompt, StringComparison.Ordinal);
        }

        Assert.Equal("Ice and reefs both suffer from warming [1][2].", set.Text);
        Assert.Equal(ModelPurposes.Summary, Assert.Single(await fixture.Kb.ListLedgerAsync(DateTimeOffset.MinValue, None)).Purpose);
    }

    [Fact]
    public async Task SummarizeSetAsync_WithoutModel_CitesItemsExtractively()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;

        var set = await fixture.Kb.SummarizeSetAsync("glaciers OR reefs", [], null, 10, None);

        Assert.Equal(SummaryMethods.Extractive, set!.Method);
        foreach (var source in set.Sources)
        {
            Assert.Contains($"[{source.Number}]", set.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EmbeddingLedger_RecordsReportedUsageAndHoldsTheBudget()
    {
        var (fixture, _) = await ModelFixture.CreateAsync(null, configure: options => options.Usage.DailyTokenBudgets["embed"] = 10);
        await using var _fixture = fixture;
        using var generator = fixture.Kb.WithLedger(new CountingEmbeddingGenerator(), "local", "mini-embed");

        await generator.GenerateAsync(["one text", "two texts"], cancellationToken: None);

        var entry = Assert.Single(await fixture.Kb.ListLedgerAsync(DateTimeOffset.MinValue, None));
        Assert.Equal((ModelPurposes.Embed, "mini-embed", 12L, 0L), (entry.Purpose, entry.Model, entry.InputTokens, entry.OutputTokens));
        await Assert.ThrowsAsync<ModelBudgetExceededException>(() => generator.GenerateAsync(["three"], cancellationToken: None));
    }

    /// <summary>A hand-written embedding generator that reports 6 input tokens per text.</summary>
    private sealed class CountingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToArray();
            var embeddings = new GeneratedEmbeddings<Embedding<float>>(list.Select(_ => new Embedding<float>(new float[] { 1, 0 })))
            {
                Usage = new UsageDetails { InputTokenCount = 6 * list.Length },
            };
            return Task.FromResult(embeddings);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
