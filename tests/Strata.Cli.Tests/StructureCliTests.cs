using System.Text;
using System.Text.Json;
using Strata.Testing.Files;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Cli.Tests;

public sealed class StructureCliTests : IDisposable
{
    private const string Paragraph =
        "Tidal turbines convert the kinetic energy of moving water into electricity, and their output is predictable for decades ahead because tides follow the moon. " +
        "Engineers site tidal turbines in narrow straits where currents run fastest, anchoring rotors to the seabed and cabling the power ashore. " +
        "Maintenance is the hard part: salt water, barnacles and storms wear everything down, so tidal turbine designs favour few moving parts. ";

    private readonly TempDirectory _directory = new("strata-structure");

    private string Data => _directory.Combine("data");

    [Fact]
    public async Task SyndicatedCopy_FoldsIntoOneItem_ListedByDupesHiddenFromSearchAndUnfoldable()
    {
        var folder = _directory.Combine("articles");
        Directory.CreateDirectory(folder);
        var article = Article();
        await File.WriteAllTextAsync(Path.Combine(folder, "original.md"), "# Tidal power\n\n" + article);
        await File.WriteAllTextAsync(Path.Combine(folder, "syndicated.md"),
            "# Tidal power | Energy Weekly\n\nHome | News | Subscribe\n\n" + article + "\nShare this story.\nCopyright 2026 Energy Weekly.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "bread.md"), "# Bread\n\n" + string.Concat(Enumerable.Repeat(
            "Sourdough bread needs a lively starter, flour, water and salt; a long cold proof develops the flavour of the loaf before it bakes in a hot oven. ", 12)));
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", folder)).ExitCode);

        var clusters = JsonDocument.Parse((await CliProcess.RunAsync(Data, "dupes", "--json")).Out).RootElement;
        var cluster = Assert.Single(clusters.EnumerateArray());
        var representative = cluster.GetProperty("representative").GetProperty("id").GetString()!;
        var member = Assert.Single(cluster.GetProperty("members").EnumerateArray());
        var copy = member.GetProperty("id").GetString()!;
        Assert.InRange(member.GetProperty("distance").GetInt32(), 0, 3);
        Assert.Single(JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "tidal turbines", "--json")).Out).RootElement.EnumerateArray());
        Assert.Equal(2, JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "tidal turbines", "--all", "--json")).Out).RootElement.GetArrayLength());
        Assert.Equal(2, JsonDocument.Parse((await CliProcess.RunAsync(Data, "list", "--json")).Out).RootElement.GetArrayLength());

        var shown = Structure(await CliProcess.RunAsync(Data, "show", representative, "--json"));
        Assert.Equal(copy, Assert.Single(shown.GetProperty("copies").EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains(shown.GetProperty("keywords").EnumerateArray(), keyword => keyword.GetProperty("text").GetString()!.Contains("tidal", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(representative, Structure(await CliProcess.RunAsync(Data, "show", copy, "--json")).GetProperty("duplicateOf").GetProperty("id").GetString());
        var text = await CliProcess.RunAsync(Data, "show", representative, "--no-text");
        Assert.True(text.Out.Contains("also at", StringComparison.Ordinal), text.Out + text.Error);
        Assert.Contains("folded into", (await CliProcess.RunAsync(Data, "show", copy, "--no-text")).Out, StringComparison.Ordinal);

        var rebuilt = JsonDocument.Parse((await CliProcess.RunAsync(Data, "dupes", "--rebuild", "--json")).Out).RootElement;
        Assert.Equal(1, rebuilt.GetProperty("folded").GetInt32());
        Assert.Equal(3, rebuilt.GetProperty("fingerprints").GetInt32());

        Assert.Equal(0, (await CliProcess.RunAsync(Data, "dupes", "--unfold", copy)).ExitCode);
        Assert.Equal(2, JsonDocument.Parse((await CliProcess.RunAsync(Data, "search", "tidal turbines", "--json")).Out).RootElement.GetArrayLength());
        Assert.Equal(0, JsonDocument.Parse((await CliProcess.RunAsync(Data, "dupes", "--rebuild", "--json")).Out).RootElement.GetProperty("folded").GetInt32());
        Assert.Equal(1, (await CliProcess.RunAsync(Data, "dupes", "--unfold", copy)).ExitCode);
    }

    [Fact]
    public async Task NoteCitingAPage_ShowListsCitesAndCitedBy_RelatedFindsIt()
    {
        await using var server = await FixtureServer.StartAsync(routes => routes.Page("tides",
            $"<html><head><title>Tidal turbines explained</title></head><body><article><h1>Tidal turbines explained</h1><p>{Paragraph}</p><p>{Paragraph}</p></article></body></html>"));
        var page = server.Url("/page/tides").ToString();
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", page)).ExitCode);
        var note = _directory.Combine("note.md");
        await File.WriteAllTextAsync(note,
            $"# Reading notes on tidal turbines\n\nThe explainer at {page}?utm_source=feed covers tidal turbines, straits and rotors on the seabed. " +
            "Tidal turbines need little maintenance when rotors are modular. See also arXiv:2401.01234v2 and doi:10.1000/ABC.123.\n");
        await File.WriteAllTextAsync(_directory.Combine("bread.md"), "# Bread\n\nSourdough bread needs a lively starter, flour, water and salt.\n");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, "add", note, _directory.Combine("bread.md"))).ExitCode);
        var items = JsonDocument.Parse((await CliProcess.RunAsync(Data, "list", "--json")).Out).RootElement.EnumerateArray().ToArray();
        var pageId = items.Single(item => item.GetProperty("url").GetString() == page).GetProperty("id").GetString()!;
        var noteId = items.Single(item => item.GetProperty("path").GetString() == note).GetProperty("id").GetString()!;

        var noteStructure = Structure(await CliProcess.RunAsync(Data, "show", noteId, "--json"));
        var cites = noteStructure.GetProperty("cites").EnumerateArray().ToArray();
        Assert.Equal(pageId, cites.Single(cite => cite.GetProperty("kind").GetString() == "url").GetProperty("item").GetProperty("id").GetString());
        Assert.Contains(cites, cite => cite.GetProperty("kind").GetString() == "arxiv" && cite.GetProperty("value").GetString() == "2401.01234");
        Assert.Contains(cites, cite => cite.GetProperty("kind").GetString() == "doi" && cite.GetProperty("value").GetString() == "10.1000/abc.123");
        Assert.Equal(2, noteStructure.GetProperty("unresolvedCites").GetInt32());
        var pageStructure = Structure(await CliProcess.RunAsync(Data, "show", pageId, "--json"));
        Assert.Equal(noteId, Assert.Single(pageStructure.GetProperty("citedBy").EnumerateArray()).GetProperty("id").GetString());
        var shown = await CliProcess.RunAsync(Data, "show", pageId, "--no-text");
        Assert.Contains("cited by", shown.Out, StringComparison.Ordinal);

        var related = JsonDocument.Parse((await CliProcess.RunAsync(Data, "related", noteId, "--json")).Out).RootElement;
        Assert.Equal(pageId, related[0].GetProperty("id").GetString());
        Assert.DoesNotContain(related.EnumerateArray(), entry => entry.GetProperty("id").GetString() == noteId);
        Assert.InRange(related[0].GetProperty("score").GetDouble(), 0.01, 1.0);
        var missing = await CliProcess.RunAsync(Data, "related", "01ZZZZZZZZZZZZ");
        Assert.Equal(1, missing.ExitCode);
    }

    public void Dispose() => _directory.Dispose();

    private static JsonElement Structure(CliProcess.Result shown)
    {
        Assert.Equal(0, shown.ExitCode);
        return JsonDocument.Parse(shown.Out).RootElement.GetProperty("structure");
    }

    private static string Article()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            text.Append(Paragraph).Append("Paragraph ").Append(i).Append(" adds that tidal arrays in the strait number ").Append(i * 7 + 3).Append(" rotors this year.\n\n");
        }

        return text.ToString();
    }
}
