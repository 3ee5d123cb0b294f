using System.Text.Json;
using Strata.Testing.Chat;
using Strata.Testing.Documents;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class ModelCliTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-cli-models");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task AskSummarizeDigestUsage_WithFakeModel_CitePdfPagesAndLedgerMatchesServer()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = prompt => prompt.Contains("Question:", StringComparison.Ordinal) ? "Harbours shelter ships in storms [1]." : "SUMMARY:\nAbout harbours.\nKEY POINTS:\n- ships";
        _directory.Write("data/strata.json", $$"""
            { "Chat": { "Provider": "openai", "Endpoint": "{{server.OpenAiEndpoint}}", "Model": "fake-model", "InputPricePerMillion": 1, "OutputPricePerMillion": 2 } }
            """);
        _directory.Write("in/paper.pdf", new PdfBuilder().WithTitle("Coastal paper").AddPage("One", "First page about lighthouses and their keepers.")
            .AddPage("Two", "Harbours shelter ships during storms. Harbour walls break the waves.").Build());
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", _directory.Combine("in"))).ExitCode);

        var ask = await CliProcess.RunAsync(Data, "ask", "Why do harbours shelter ships?", "--json");
        Assert.True(ask.ExitCode == 0, ask.Error);
        var answer = JsonDocument.Parse(ask.Out).RootElement;
        Assert.Equal("generated", answer.GetProperty("kind").GetString());
        Assert.Equal("Harbours shelter ships in storms [1].", answer.GetProperty("answer").GetString());
        var citation = answer.GetProperty("citations").EnumerateArray().First();
        Assert.Equal(2, citation.GetProperty("page").GetInt32());
        Assert.True(citation.GetProperty("cited").GetBoolean());
        Assert.Contains("Harbours shelter ships", citation.GetProperty("passage").GetString(), StringComparison.Ordinal);
        Assert.Contains("(page 2)", server.Requests[0].Prompt, StringComparison.Ordinal);

        var id = citation.GetProperty("id").GetString()!;
        var summary = await CliProcess.RunAsync(Data, "summarize", id, "--json");
        Assert.True(summary.ExitCode == 0, summary.Error);
        Assert.Equal("abstractive", JsonDocument.Parse(summary.Out).RootElement.GetProperty("method").GetString());
        var show = await CliProcess.RunAsync(Data, "show", id, "--json");
        Assert.Equal("About harbours.", JsonDocument.Parse(show.Out).RootElement.GetProperty("summary").GetString());

        var usage = await CliProcess.RunAsync(Data, "usage", "--json", "--by", "purpose");
        Assert.True(usage.ExitCode == 0, usage.Error);
        var total = JsonDocument.Parse(usage.Out).RootElement.GetProperty("total");
        Assert.Equal(server.Requests.Sum(r => r.PromptTokens), total.GetProperty("inputTokens").GetInt64());
        Assert.Equal(server.Requests.Sum(r => r.CompletionTokens), total.GetProperty("outputTokens").GetInt64());
        Assert.Equal(2, total.GetProperty("calls").GetInt32());

        var html = _directory.Combine("digest.html");
        var digest = await CliProcess.RunAsync(Data, "digest", "--since", "1h", "--format", "html", "--out", html);
        Assert.True(digest.ExitCode == 0, digest.Error);
        Assert.Contains("Coastal paper", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        var digests = await CliProcess.RunAsync(Data, "digests", "--json");
        Assert.Single(JsonDocument.Parse(digests.Out).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Ask_WithoutModel_IsLabelledExtractive_AndUnrelatedQuestionIsRefused()
    {
        _directory.Write("in/note.md", "# Lighthouses\n\nLighthouses warn ships away from rocks at night. Their keepers trimmed the lamps.\n");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", _directory.Combine("in"))).ExitCode);

        var ask = await CliProcess.RunAsync(Data, "ask", "What do lighthouses warn ships about?");
        var unrelated = await CliProcess.RunAsync(Data, "ask", "What is the boiling point of mercury?");

        Assert.Equal(0, ask.ExitCode);
        Assert.Contains("Extractive answer (no chat model)", ask.Out, StringComparison.Ordinal);
        Assert.Contains("Lighthouses warn ships away from rocks at night.", ask.Out, StringComparison.Ordinal);
        Assert.Contains("[1] Lighthouses", ask.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing in the knowledge base answers this question.", unrelated.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Lighthouses", unrelated.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
