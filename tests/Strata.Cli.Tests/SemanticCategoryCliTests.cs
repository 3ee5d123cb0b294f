using System.Text.Json;
using Strata.Testing.Embeddings;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>Categories described in words are matched by meaning once passages are embedded (fake embedding server on 127.0.0.1).</summary>
public sealed class SemanticCategoryCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-categories");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task DescribedCategories_AreGivenByMeaning_AndNeverOverrideTheUsers()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        _directory.Write("data/strata.json",
            $$"""{ "Embedding": { "Provider": "openai", "Endpoint": "{{server.BaseUrl}}v1", "Model": "fake-embed" }, "Classification": { "SemanticThreshold": 0.3 } }""");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "category", "add", "sea", "--describe", "boats harbour lighthouses coast sailing")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "category", "add", "space", "--describe", "telescopes galaxies nebulae astronomy")).ExitCode);
        _directory.Write("in/boats.md", "# Sailing\n\nHarbour boats and lighthouses along the coast.\n");
        _directory.Write("in/stars.md", "# Astronomy\n\nTelescopes show distant galaxies and nebulae.\n");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "rule", "add", "--title", "^baking", "--category", "kitchen")).ExitCode);
        _directory.Write("in/bread.md", "# Baking boats\n\nSourdough bread shaped like boats in the harbour bakery.\n");

        var add = await CliProcess.RunAsync(Data, "add", _directory.Combine("in"));
        Assert.True(add.ExitCode == 0, add.Error);

        var categories = new Dictionary<string, (string? Category, string? Origin)>();
        foreach (var title in new[] { "Sailing", "Astronomy", "Baking boats" })
        {
            var hit = JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", $"\"{title}\"", "--mode", "keyword", "--json")).Out).RootElement[0];
            var why = JsonDocument.Parse((await CliProcess.RunAsync(Data, "why", hit.GetProperty("id").GetString()!, "--json")).Out).RootElement;
            var category = why.GetProperty("labels").EnumerateArray().FirstOrDefault(label => label.GetProperty("type").GetString() == "category");
            categories[title] = category.ValueKind == JsonValueKind.Undefined ? (null, null) : (category.GetProperty("name").GetString(), category.GetProperty("origin").GetString());
        }

        Assert.Equal(("sea", "semantic"), categories["Sailing"]);
        Assert.Equal(("space", "semantic"), categories["Astronomy"]);
        Assert.Equal(("kitchen", "rule"), categories["Baking boats"]);

        var list = JsonDocument.Parse((await CliProcess.RunAsync(Data, "category", "list", "--json")).Out).RootElement;
        Assert.Equal(["sea", "space"], list.EnumerateArray().Select(category => category.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task CategoryApply_WithoutAModel_SaysHowToConfigureOne()
    {
        await CliProcess.RunAsync(Data, "category", "add", "sea", "--describe", "boats and harbours");

        var apply = await CliProcess.RunAsync(Data, "category", "apply");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("Embedding.Provider", apply.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
