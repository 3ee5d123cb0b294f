using System.Text.Json;
using Strata.Testing.Documents;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class CliEndToEndTests : IDisposable
{
    private readonly TempDirectory _directory = new("strata-cli");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task Init_WritesCommentedConfigAndDatabase()
    {
        var result = await CliProcess.RunAsync(Data, "init");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("// Strata configuration", await File.ReadAllTextAsync(Path.Combine(Data, "strata.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Data, "strata.db")));
    }

    [Fact]
    public async Task AddSearchShowTagDelete_FullRoundTrip_Works()
    {
        _directory.Write("in/en.md", "---\ntitle: Classification notes\ntags: [ml]\n---\nHow documents are classified into topics automatically, and why the result is useful for the reader.\n");
        _directory.Write("in/zh.md", "# 个人知识库\n\n把读过的文章放进一个结构化的知识库，随时检索。\n");
        _directory.Write("in/paper.pdf", new PdfBuilder().WithTitle("Paged paper").AddPage("One", "First page about lighthouses.").AddPage("Two", "Second page about harbours.").Build());
        _directory.Write("in/empty.txt", []);

        var add = await CliProcess.RunAsync(Data, "add", _directory.Combine("in"), "--tag", "batch");
        Assert.Equal(1, add.ExitCode);
        Assert.Contains("empty.txt: empty file (0 bytes)", add.Error, StringComparison.Ordinal);
        Assert.Single(add.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.Contains("failed:", StringComparison.Ordinal));

        var search = await CliProcess.RunAsync(Data, "search", "classification", "--json");
        Assert.Equal(0, search.ExitCode);
        var hit = JsonDocument.Parse(search.Out).RootElement.EnumerateArray().Single();
        foreach (var field in new[] { "id", "title", "path", "score", "snippet" })
        {
            Assert.True(hit.TryGetProperty(field, out _), $"search JSON lacks '{field}'");
        }

        Assert.Equal("Classification notes", hit.GetProperty("title").GetString());
        Assert.Contains("**classified**", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);

        var chinese = await CliProcess.RunAsync(Data, "search", "知识库", "--json");
        var zh = JsonDocument.Parse(chinese.Out).RootElement.EnumerateArray().Single();
        Assert.Equal("个人知识库", zh.GetProperty("title").GetString());

        var id = hit.GetProperty("id").GetString()!;
        var show = await CliProcess.RunAsync(Data, "show", id, "--json");
        var item = JsonDocument.Parse(show.Out).RootElement;
        foreach (var field in new[] { "id", "title", "url", "kind", "language", "tags", "text", "contentHash", "collectedAt" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"show JSON lacks '{field}'");
        }

        Assert.Equal("en", item.GetProperty("language").GetString());
        Assert.Equal(64, item.GetProperty("contentHash").GetString()!.Length);

        var pdf = JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "lighthouses", "--json")).Out).RootElement.EnumerateArray().Single();
        var pdfItem = JsonDocument.Parse((await CliProcess.RunAsync(Data, "show", pdf.GetProperty("id").GetString()!, "--json")).Out).RootElement;
        Assert.Equal(2, pdfItem.GetProperty("pages").GetArrayLength());

        var tag = await CliProcess.RunAsync(Data, "tag", id[..20], "+reading/later", "-batch");
        Assert.Equal(0, tag.ExitCode);
        Assert.Contains("ml, reading/later", tag.Out, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "tag:reading", "--json")).Out).RootElement.EnumerateArray());

        var text = await CliProcess.RunAsync(Data, "show", id);
        Assert.Contains("Classification notes", text.Out, StringComparison.Ordinal);
        Assert.Contains("How documents are classified", text.Out, StringComparison.Ordinal);

        var stats = JsonDocument.Parse((await CliProcess.RunAsync(Data, "stats", "--json")).Out).RootElement;
        Assert.Equal(3, stats.GetProperty("items").GetInt32());

        var delete = await CliProcess.RunAsync(Data, "delete", id, "--purge");
        Assert.Equal(0, delete.ExitCode);
        Assert.Empty(JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "classification", "--json")).Out).RootElement.EnumerateArray());
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "check")).ExitCode);
    }

    [Fact]
    public async Task AddDuplicateAndStdinNote_ReportsAlreadyPresentAndStoresNote()
    {
        var path = _directory.Write("a.md", "# Only once\n\nThe same bytes twice.");
        await CliProcess.RunAsync(Data, "add", path);

        var again = await CliProcess.RunAsync(Data, "add", path);
        var note = await CliProcess.RunWithInputAsync(Data, "Remember the heron migration.", "add", "-", "--title", "Heron note", "--tag", "birds");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already in the base:", again.Out, StringComparison.Ordinal);
        Assert.Contains("Only once", again.Out, StringComparison.Ordinal);
        Assert.Equal(0, note.ExitCode);
        var hit = JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "heron", "--json")).Out).RootElement.EnumerateArray().Single();
        Assert.Equal("Heron note", hit.GetProperty("title").GetString());
        Assert.Equal("note", hit.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Extract_HtmlFile_PrintsJsonAndStoresNothing()
    {
        var path = _directory.Write("page.html", "<html lang=\"en\"><head><title>Extract me</title><meta name=\"author\" content=\"Grace Hopper\"></head><body><nav>Menu</nav><article><h1>Extract me</h1><p>Compilers translate programs written by people into instructions machines run, and that changed everything about software.</p></article></body></html>");

        var result = await CliProcess.RunAsync(Data, "extract", path, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("Extract me", json.GetProperty("title").GetString());
        Assert.Equal("Grace Hopper", json.GetProperty("byline").GetString());
        Assert.Equal("en", json.GetProperty("language").GetString());
        Assert.Contains("Compilers translate", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        foreach (var field in new[] { "published", "siteName", "canonicalUrl" })
        {
            Assert.True(json.TryGetProperty(field, out _), $"extract JSON lacks '{field}'");
        }

        Assert.False(File.Exists(Path.Combine(Data, "blobs", "tmp")) && Directory.EnumerateFiles(Path.Combine(Data, "blobs"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task UsageErrors_ExitWithTwo()
    {
        Assert.Equal(2, (await CliProcess.RunAsync(Data, "frobnicate")).ExitCode);
        Assert.Equal(2, (await CliProcess.RunAsync(Data, "search")).ExitCode);
        Assert.Equal(2, (await CliProcess.RunAsync(Data, "list", "--since", "yesterday-ish")).ExitCode);
        Assert.Equal(2, (await CliProcess.RunAsync(Data, "reprocess")).ExitCode);
        var missing = await CliProcess.RunAsync(Data, "show", "01ZZZZZZZZZZ");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no item matches", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_IngestsSamplesAndFindsEnglishAndChinese()
    {
        var result = await CliProcess.RunAsync(Data, "demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("$ strata search \"知识库\"", result.Out, StringComparison.Ordinal);
        var stats = JsonDocument.Parse((await CliProcess.RunAsync(Data, "stats", "--json")).Out).RootElement;
        Assert.True(stats.GetProperty("items").GetInt32() >= 8);
        Assert.Equal(0, stats.GetProperty("failed").GetInt32());
        Assert.NotEmpty(JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "知识库", "--json")).Out).RootElement.EnumerateArray());
        Assert.NotEmpty(JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "kind:file", "--json")).Out).RootElement.EnumerateArray());
    }

    public void Dispose() => _directory.Dispose();
}
