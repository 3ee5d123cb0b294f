using Strata.Core.Search;
using Strata.Hosting.Ingest;
using Strata.Hosting.Retrieval;
using Strata.Semantic.Embeddings;
using Strata.Testing.Embeddings;
using Xunit;

namespace Strata.Hosting.Tests;

public sealed class KnowledgeBaseEmbeddingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Task<KnowledgeBaseFixture> CreateAsync(FakeEmbeddingServer server, string model, string provider = EmbeddingProviders.OpenAi) =>
        KnowledgeBaseFixture.CreateAsync(options => options.Embedding = new EmbeddingOptions
        {
            Provider = provider,
            Endpoint = provider == EmbeddingProviders.OpenAi ? server.BaseUrl + "v1" : server.BaseUrl.ToString(),
            Model = model,
            BatchSize = 2,
        });

    [Fact]
    public async Task EmbedAsync_TransientFailures_AreRetriedAndProgressReachesTotal()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        await using var fixture = await CreateAsync(server, "m1");
        fixture.Input("a.md", "# A\n\nAlpha text.\n");
        fixture.Input("b.md", "# B\n\nBeta text.\n");
        fixture.Input("c.md", "# C\n\nGamma text.\n");
        await fixture.Kb.AddAsync([fixture.Inputs], new AddOptions(), null, None);
        server.FailNext(2, 503);
        var reports = new List<EmbedProgress>();

        var report = await fixture.Kb.EmbedAsync(new SynchronousProgress<EmbedProgress>(reports.Add), None);

        Assert.Null(report.Error);
        Assert.Equal(3, report.Embedded);
        Assert.Equal(new EmbedProgress(3, 3), reports[^1]);
        Assert.True(report.InputTokens > 0);
    }

    [Fact]
    public async Task EmbedAsync_ChangedModel_ReembedsEverythingOnce()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        await using (var first = await CreateAsync(server, "m1"))
        {
            first.Input("a.md", "# A\n\nAlpha text.\n");
            await first.Kb.AddAsync([first.Inputs], new AddOptions(), null, None);
            Assert.Equal(1, (await first.Kb.EmbedAsync(null, None)).Embedded);
            Assert.Equal(0, (await first.Kb.EmbedAsync(null, None)).Embedded);
        }

        await using var ollama = await CreateAsync(server, "m2", EmbeddingProviders.Ollama);
        ollama.Input("b.md", "# B\n\nBeta text.\n");
        await ollama.Kb.AddAsync([ollama.Inputs], new AddOptions(), null, None);

        var report = await ollama.Kb.EmbedAsync(null, None);

        Assert.Equal("ollama:m2", report.Model);
        Assert.Equal(1, report.Embedded);
        Assert.Contains(server.Requests, request => request.Route == "/api/embed");
    }

    [Fact]
    public async Task SearchAsync_PermanentModelError_KeepsWhatWasEmbeddedAndSaysWhy()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        await using var fixture = await CreateAsync(server, "m1");
        fixture.Input("a.md", "# Lighthouses\n\nKeepers on rocky coasts.\n");
        await fixture.Kb.AddAsync([fixture.Inputs], new AddOptions(), null, None);
        server.FailNext(1, 400);

        var failed = await fixture.Kb.EmbedAsync(null, None);
        var retried = await fixture.Kb.EmbedAsync(null, None);
        var response = await fixture.Kb.SearchAsync("lighthouses", new SearchOptions { Mode = SearchMode.Hybrid }, None);

        Assert.Contains("400", failed.Error, StringComparison.Ordinal);
        Assert.Equal(1, retried.Embedded);
        Assert.Equal(SearchMode.Hybrid, response.Mode);
        Assert.Equal("Lighthouses", Assert.Single(response.Results).Item.DisplayTitle);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and could report late).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
