using Strata.Core.Search;
using Strata.Hosting.Ingest;
using Strata.Hosting.Retrieval;
using Strata.Semantic.Embeddings;
using Strata.Testing.Embeddings;
using Xunit;

namespace Strata.Hosting.Tests;

/// <summary>Semantic search over the default int8 index with float32 rescoring, against the plain float32 scan, on a real base.</summary>
public sealed class KnowledgeBaseVectorIndexTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string[] Topics =
    [
        "Lighthouse keepers on rocky coasts kept the lamps burning through winter storms.",
        "Sourdough bread needs a lively starter, flour, water and patience.",
        "Migratory birds follow coasts and rivers on their long autumn journeys.",
        "Compilers turn source code into machine instructions in several passes.",
        "Tide tables tell sailors when the harbour is deep enough to enter.",
        "Beekeepers open the hives in spring to check the queen and the brood.",
        "Storm petrels nest on remote islands and feed far out at sea.",
        "Rust's borrow checker rejects programs that could race on shared data.",
    ];

    private static async Task<KnowledgeBaseFixture> EmbeddedBaseAsync(FakeEmbeddingServer server)
    {
        var fixture = await KnowledgeBaseFixture.CreateAsync(options => options.Embedding = new EmbeddingOptions
        {
            Provider = EmbeddingProviders.OpenAi,
            Endpoint = server.BaseUrl + "v1",
            Model = "m1",
        });
        for (var i = 0; i < Topics.Length; i++)
        {
            fixture.Input($"t{i}.md", $"# Note {i}\n\n{Topics[i]}\n");
        }

        await fixture.Kb.AddAsync([fixture.Inputs], new AddOptions(), null, None);
        Assert.Equal(Topics.Length, (await fixture.Kb.EmbedAsync(null, None)).Embedded);
        return fixture;
    }

    private static async Task<IReadOnlyList<(string Id, double Score, double Passage)>> SemanticAsync(KnowledgeBaseFixture fixture, string query)
    {
        var response = await fixture.Kb.SearchAsync(query, new SearchOptions { Mode = SearchMode.Semantic, Limit = 5 }, None);
        Assert.Equal(SearchMode.Semantic, response.Mode);
        return response.Results.Select(result => (result.Item.Id, result.Score, result.Passages[0].Score)).ToArray();
    }

    [Fact]
    public async Task SemanticSearch_DefaultInt8WithRescoring_ReturnsTheFloat32ResultsAndScores()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        await using var fixture = await EmbeddedBaseAsync(server);
        Assert.True(fixture.Kb.Options.Embedding.Int8Index);

        var rescored = await SemanticAsync(fixture, "storms on rocky coasts and islands");
        fixture.Kb.Options.Embedding.Int8Index = false;
        await fixture.ReopenAsync();
        var exact = await SemanticAsync(fixture, "storms on rocky coasts and islands");

        Assert.Equal(5, rescored.Count);
        Assert.Equal(exact, rescored);
        Assert.True(rescored[0].Score > rescored[^1].Score);
    }

    [Fact]
    public async Task SemanticSearch_Int8ScoresOnly_KeepsTheBestItemWithApproximateScores()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        await using var fixture = await EmbeddedBaseAsync(server);
        var rescored = await SemanticAsync(fixture, "beekeepers check the queen");

        fixture.Kb.Options.Embedding.RescoreFactor = 0;
        await fixture.ReopenAsync();
        var approximate = await SemanticAsync(fixture, "beekeepers check the queen");

        Assert.Equal(rescored[0].Id, approximate[0].Id);
        Assert.Equal(rescored[0].Passage, approximate[0].Passage, 2);
    }

    [Fact]
    public async Task SemanticSearch_RowFileForRescoring_LeavesNothingInTheCacheFolder()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        await using var fixture = await EmbeddedBaseAsync(server);

        var hits = await SemanticAsync(fixture, "bread and flour");

        Assert.NotEmpty(hits);
        Assert.True(Directory.Exists(fixture.Data.CachePath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Empty(Directory.GetFiles(fixture.Data.CachePath)); // unlinked once mapped
        }
    }

    [Fact]
    public void Validate_RescoreFactorOutOfRange_IsReported()
    {
        var options = new EmbeddingOptions { Provider = EmbeddingProviders.OpenAi, Model = "m", RescoreFactor = -1 };

        Assert.Contains(options.Validate(), problem => problem.Contains("RescoreFactor", StringComparison.Ordinal));
    }
}
