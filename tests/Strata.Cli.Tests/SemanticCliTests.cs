using System.Text.Json;
using Strata.Testing.Embeddings;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>Semantic and hybrid search end to end: the real CLI, a real SQLite file, embeddings from a fake server on 127.0.0.1.</summary>
public sealed class SemanticCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-semantic");

    private string Data => _directory.Combine("data");

    private void Configure(Uri server) =>
        _directory.Write("data/strata.json", $$"""{ "Embedding": { "Provider": "openai", "Endpoint": "{{server}}v1", "Model": "fake-embed", "BatchSize": 2 } }""");

    private void WriteNotes()
    {
        _directory.Write("in/boats.md", "# Sailing\n\nHarbour boats and lighthouses along the coast.\n");
        _directory.Write("in/bread.md", "---\ntitle: Baking\ntags: [food]\ncategory: kitchen\n---\nSourdough bread needs flour water salt and patience.\n");
        _directory.Write("in/stars.md", "# Astronomy\n\nTelescopes show distant galaxies and nebulae.\n");
    }

    [Fact]
    public async Task AddWithoutModel_CutsNoPassages_ThenEmbedCutsAndEmbedsThemOnceAModelIsSet()
    {
        WriteNotes();
        var add = await CliProcess.RunAsync(Data, "add", _directory.Combine("in"));
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Equal(0, SqliteProbe.Count(_directory.Combine("data", "strata.db"), "SELECT count(*) FROM chunks"));

        await using var server = await FakeEmbeddingServer.StartAsync();
        Configure(server.BaseUrl);
        var embed = await CliProcess.RunAsync(Data, "embed", "--json");

        Assert.True(embed.ExitCode == 0, embed.Error);
        var report = JsonDocument.Parse(embed.Out).RootElement;
        Assert.Equal(3, report.GetProperty("embedded").GetInt32());
        Assert.Equal(3, report.GetProperty("embeddedChunks").GetInt32());
    }

    [Fact]
    public async Task AddEmbedSearch_SemanticFindsByMeaningAndCachesEmbeddings()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        Configure(server.BaseUrl);
        WriteNotes();

        var add = await CliProcess.RunAsync(Data, "add", _directory.Combine("in"));
        Assert.True(add.ExitCode == 0, add.Error);
        var embeddedByAdd = server.Requests.Sum(request => request.Inputs.Count);
        Assert.Equal(3, embeddedByAdd);

        var embed = await CliProcess.RunAsync(Data, "embed", "--json");
        Assert.True(embed.ExitCode == 0, embed.Error);
        var report = JsonDocument.Parse(embed.Out).RootElement;
        Assert.Equal(0, report.GetProperty("embedded").GetInt32());
        Assert.Equal(3, report.GetProperty("embeddedChunks").GetInt32());
        Assert.Equal(embeddedByAdd, server.Requests.Sum(request => request.Inputs.Count));

        var semantic = await CliProcess.RunAsync(Data, "search", "flour", "bread", "--mode", "semantic", "--json");
        Assert.True(semantic.ExitCode == 0, semantic.Error);
        var first = JsonDocument.Parse(semantic.Out).RootElement[0];
        Assert.Equal("Baking", first.GetProperty("title").GetString());
        Assert.True(first.GetProperty("passages").GetArrayLength() > 0);
        Assert.Contains(server.Requests, request => request.Inputs.Contains("flour bread"));

        var hybrid = await CliProcess.RunAsync(Data, "search", "telescopes", "--json", "--facets");
        var response = JsonDocument.Parse(hybrid.Out).RootElement;
        Assert.Equal("hybrid", response.GetProperty("mode").GetString());
        Assert.Equal("Astronomy", response.GetProperty("results")[0].GetProperty("title").GetString());
        Assert.Equal("file", response.GetProperty("facets").GetProperty("kinds")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Search_FiltersApplyBeforeVectorScoring()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        Configure(server.BaseUrl);
        WriteNotes();
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", _directory.Combine("in"))).ExitCode);

        var filtered = await CliProcess.RunAsync(Data, "search", "telescopes galaxies", "tag:food", "--mode", "semantic", "--json");

        var results = JsonDocument.Parse(filtered.Out).RootElement;
        Assert.Equal("Baking", Assert.Single(results.EnumerateArray()).GetProperty("title").GetString());

        var excluded = await CliProcess.RunAsync(Data, "search", "telescopes galaxies", "-sourdough", "tag:food", "--mode", "semantic", "--json");
        Assert.Empty(JsonDocument.Parse(excluded.Out).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task MoreLikeThis_ExcludesTheItemItself()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        Configure(server.BaseUrl);
        WriteNotes();
        _directory.Write("in/bread2.md", "# Rye\n\nRye bread needs flour water salt and a long rise.\n");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", _directory.Combine("in"))).ExitCode);
        var baking = JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "sourdough", "--mode", "keyword", "--json")).Out).RootElement[0].GetProperty("id").GetString()!;

        var like = await CliProcess.RunAsync(Data, "search", "--like", baking, "--json");

        var results = JsonDocument.Parse(like.Out).RootElement;
        Assert.Equal("Rye", results[0].GetProperty("title").GetString());
        Assert.DoesNotContain(results.EnumerateArray(), result => result.GetProperty("id").GetString() == baking);
    }

    [Fact]
    public async Task NoModel_KeywordSearchIsQuietAndSemanticSaysHowToConfigure()
    {
        WriteNotes();
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", _directory.Combine("in"))).ExitCode);

        var plain = await CliProcess.RunAsync(Data, "search", "sourdough");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(string.Empty, plain.Error);
        Assert.Contains("Baking", plain.Out, StringComparison.Ordinal);

        var semantic = await CliProcess.RunAsync(Data, "search", "sourdough", "--mode", "semantic");
        Assert.Equal(0, semantic.ExitCode);
        Assert.Contains("Embedding.Provider", semantic.Error, StringComparison.Ordinal);
        Assert.Contains("Baking", semantic.Out, StringComparison.Ordinal);

        var embed = await CliProcess.RunAsync(Data, "embed");
        Assert.Equal(1, embed.ExitCode);
        Assert.Single(embed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task EvalRetrieval_TinyBeirSet_PrintsExactMetrics()
    {
        _directory.Write("beir/corpus.jsonl",
            "{\"_id\": \"d1\", \"title\": \"Lighthouses\", \"text\": \"lighthouse keepers on rocky coasts\"}\n" +
            "{\"_id\": \"d2\", \"title\": \"Bread\", \"text\": \"sourdough bread and flour\"}\n" +
            "{\"_id\": \"d3\", \"title\": \"Coasts\", \"text\": \"erosion of rocky coasts\"}\n");
        _directory.Write("beir/queries.jsonl", "{\"_id\": \"q1\", \"text\": \"sourdough flour\"}\n{\"_id\": \"q2\", \"text\": \"lighthouse keepers\"}\n{\"_id\": \"q3\", \"text\": \"unjudged\"}\n");
        _directory.Write("beir/qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td2\t1\nq2\td1\t2\nq2\td3\t1\n");

        var eval = await CliProcess.RunAsync(Data, "eval", "retrieval", _directory.Combine("beir"), "--json");

        Assert.True(eval.ExitCode == 0, eval.Error);
        var report = JsonDocument.Parse(eval.Out).RootElement;
        Assert.Equal(2, report.GetProperty("queries").GetInt32());
        Assert.Equal(3, report.GetProperty("documents").GetInt32());
        Assert.Equal(1.0, report.GetProperty("mrrAt10").GetDouble());
        // q1 finds d2 first (nDCG 1, recall 1); q2 finds only d1 (the query has no word of d3): nDCG = 2 / (2 + 1/log2 3), recall 1/2.
        Assert.Equal(Math.Round((1 + (2 / (2 + (1 / Math.Log2(3))))) / 2, 4), report.GetProperty("ndcgAt10").GetDouble());
        Assert.Equal(0.75, report.GetProperty("recallAt100").GetDouble());
    }

    public void Dispose() => _directory.Dispose();
}
