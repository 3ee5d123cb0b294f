using Strata.Hosting;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Testing.Documents;
using Strata.Testing.Files;

namespace Strata.Mcp.Tests;

/// <summary>A temporary knowledge base with a few known items, for the MCP server to serve.</summary>
public sealed class McpBase : IDisposable
{
    private readonly TempDirectory _directory = new("strata-mcp");

    public string Data => _directory.Combine("data");

    /// <summary>Long enough that get_item pages it at small window sizes.</summary>
    public static readonly string LongText = string.Join("\n\n", Enumerable.Range(1, 40).Select(n => $"Paragraph {n} about lighthouse keepers and their logbooks."));

    /// <summary>Adds the seed items (two about lighthouses, one about zettelkasten, one two-page PDF) and closes the base.</summary>
    public async Task SeedAsync()
    {
        _directory.Write("in/lighthouses.md", $"---\ntitle: Lighthouse keepers\ntags: [history]\n---\n{LongText}\n");
        _directory.Write("in/harbours.md", "---\ntitle: Harbour lights\ntags: [history, sea]\n---\nHow a lighthouse guides ships into the harbour at night.\n");
        _directory.Write("in/zettel.md", "---\ntitle: The zettelkasten method\ntags: [pkm]\n---\nSmall linked notes, one idea each, build a second brain over years.\n");
        _directory.Write("in/paged.pdf", new PdfBuilder().WithTitle("Paged paper").AddPage("One", "First page about semaphores.").AddPage("Two", "Second page about telegraphs.").Build());
        await using var kb = await OpenAsync();
        var report = await kb.AddAsync([_directory.Combine("in")], new AddOptions(), null, CancellationToken.None);
        if (report.Count(IngestOutcome.Added) != 4)
        {
            throw new InvalidOperationException("seeding failed: " + string.Join("; ", report.Entries.Select(entry => entry.Message)));
        }
    }

    public Task<KnowledgeBase> OpenAsync() => KnowledgeBase.OpenAsync(new DataDirectory(Data));

    public void Dispose() => _directory.Dispose();
}
