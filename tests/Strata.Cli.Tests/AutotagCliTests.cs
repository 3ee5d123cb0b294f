using System.Text.Json;
using Strata.Testing.Chat;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>Tagging with a chat model (a fake OpenAI-compatible server on 127.0.0.1): taxonomy first, new tags only proposed.</summary>
public sealed class AutotagCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-autotag");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task Autotag_AppliesTaxonomyPicks_ProposesNewTags_AndRecordsTheCallsInTheLedger()
    {
        await using var server = await FakeChatServer.StartAsync();
        // The model picks one existing tag, files another existing one under "new", and proposes a new one.
        server.Reply = _ => "Sure: ```json\n{\"existing\": [\"sailing\"], \"new\": [\"harbours\", \"history\"]}\n```";
        _directory.Write("data/strata.json", $$"""{ "Chat": { "Provider": "openai", "Endpoint": "{{server.OpenAiEndpoint}}", "Model": "fake-model" } }""");
        _directory.Write("seed/a.md", "# Regatta\n\nA sailing race.");
        _directory.Write("seed/b.md", "# Old charts\n\nHistory of maps.");
        await CliProcess.RunAsync(Data, "add", _directory.Combine("seed/a.md"), "--tag", "sailing");
        await CliProcess.RunAsync(Data, "add", _directory.Combine("seed/b.md"), "--tag", "history");
        _directory.Write("new/port.md", "# The old port\n\nBoats in the harbour, and the history of the port.");
        var add = JsonDocument.Parse((await CliProcess.RunAsync(Data, "add", _directory.Combine("new/port.md"), "--json")).Out).RootElement;
        var id = add.GetProperty("entries")[0].GetProperty("id").GetString()!;

        var result = await CliProcess.RunAsync(Data, "autotag", id, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var tagged = JsonDocument.Parse(result.Out).RootElement.GetProperty("items")[0];
        Assert.Equal(["history", "sailing"], tagged.GetProperty("applied").EnumerateArray().Select(tag => tag.GetString()).Order());
        Assert.Equal(["harbours"], tagged.GetProperty("proposed").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Contains("Existing tags: history, sailing", server.Requests[0].Prompt, StringComparison.Ordinal);
        Assert.Contains("Boats in the harbour", server.Requests[0].Prompt, StringComparison.Ordinal);

        var why = JsonDocument.Parse((await CliProcess.RunAsync(Data, "why", id, "--json")).Out).RootElement;
        Assert.Contains(why.GetProperty("labels").EnumerateArray(), label => label.GetProperty("name").GetString() == "sailing" && label.GetProperty("origin").GetString() == "llm");
        var inbox = JsonDocument.Parse((await CliProcess.RunAsync(Data, "review-tags", "--json")).Out).RootElement.EnumerateArray().ToArray();
        Assert.Contains(inbox, suggestion => suggestion.GetProperty("tag").GetString() == "harbours" && suggestion.GetProperty("origin").GetString() == "llm");
        Assert.DoesNotContain(JsonDocument.Parse((await CliProcess.RunAsync(Data, "tags", "--json")).Out).RootElement.EnumerateArray(),
            tag => tag.GetProperty("tag").GetString() == "harbours");

        var usage = await CliProcess.RunAsync(Data, "usage", "--by", "purpose", "--json");
        Assert.Contains("\"tag\"", usage.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autotag_WithoutAModel_SaysHowToConfigureOne()
    {
        var result = await CliProcess.RunAsync(Data, "autotag");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Chat.Provider", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
