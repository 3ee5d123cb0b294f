using System.Text;
using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Testing.Documents;
using Strata.Testing.Http;
using Xunit;

namespace Strata.Hosting.Tests.Collection;

public sealed class ArxivSourceTests
{
    private const string PaperId = "2401.01234";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunSourceAsync_ArxivQuery_StoresPaperWithArxivMetadataAndExtractedPdf()
    {
        await using var server = await FixtureServer.StartAsync();
        ServePaper(server, version: 1, "Dense retrieval for notes");
        await using var fixture = await CollectionSetup.CreateAsync(server);
        var source = await fixture.Kb.AddSourceAsync(SourceType.Arxiv, "dense retrieval", new SourceRequest { Settings = new Dictionary<string, string> { ["category"] = "cs.IR" } });

        var (saved, result) = await fixture.Kb.RunAsync(source);

        Assert.Null(saved.LastError);
        Assert.Equal(1, result.New);
        var query = Assert.Single(server.To("/api/query"));
        Assert.Contains("search_query=all:dense+AND+all:retrieval+AND+cat:cs.IR", query.Query, StringComparison.Ordinal);
        var paper = Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Equal(ItemKind.Paper, paper.Kind);
        Assert.Equal(ItemState.Indexed, paper.State);
        Assert.Equal("Dense retrieval for notes", paper.Title);
        Assert.Equal("Alice Smith, Bob Jones", paper.Byline);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 18, 0, 0, TimeSpan.Zero), paper.PublishedAt);
        Assert.Contains("We map notes to vectors", paper.Excerpt, StringComparison.Ordinal);
        Assert.Equal(PaperId, paper.Metadata["arxiv.id"]);
        Assert.Equal("1", paper.Metadata["arxiv.version"]);
        Assert.Equal("cs.IR cs.CL", paper.Metadata["arxiv.categories"]);
        Assert.Equal("cs.IR", paper.Metadata["arxiv.primaryCategory"]);
        Assert.Contains("Version 1 of the paper body", paper.Text, StringComparison.Ordinal);
        Assert.Equal("application/pdf", paper.MediaType);
        Assert.Single(server.To($"/pdf/{PaperId}v1"));
        Assert.Equal("arxiv:" + PaperId, Assert.Single(await fixture.Kb.ListProvenanceAsync(paper.Id, None)).ExternalId);
    }

    [Fact]
    public async Task RunSourceAsync_NewPaperVersion_UpdatesSameItemWithNewSnapshotNeverDuplicates()
    {
        await using var server = await FixtureServer.StartAsync();
        ServePaper(server, version: 1, "Dense retrieval for notes");
        await using var fixture = await CollectionSetup.CreateAsync(server);
        var source = await fixture.Kb.AddSourceAsync(SourceType.Arxiv, "dense retrieval");
        await fixture.Kb.RunAsync(source);
        var first = Assert.Single(await fixture.Kb.AllItemsAsync());

        ServePaper(server, version: 2, "Dense retrieval for notes");
        var (_, updated) = await fixture.Kb.RunAsync(source);
        var (_, unchanged) = await fixture.Kb.RunAsync(source);

        Assert.Equal((0, 1), (updated.New, updated.Updated));
        Assert.Equal((0, 0, 1), (unchanged.New, unchanged.Updated, unchanged.Unchanged));
        var paper = Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.Equal(first.Id, paper.Id);
        Assert.Equal("2", paper.Metadata["arxiv.version"]);
        Assert.Equal(ItemState.Indexed, paper.State);
        Assert.Contains("Version 2 of the paper body", paper.Text, StringComparison.Ordinal);
        var versions = await fixture.Kb.ListVersionsAsync(paper.Id, None);
        Assert.Equal(2, versions.Count);
        Assert.Equal(paper.ContentHash, versions[^1].Hash);
        Assert.Single(server.To($"/pdf/{PaperId}v1"));
        Assert.Single(server.To($"/pdf/{PaperId}v2"));
    }

    [Fact]
    public async Task RunSourceAsync_ArxivApiError_IsSourceErrorAndStoresNothing()
    {
        await using var server = await FixtureServer.StartAsync(routes => routes.Bytes("/api/query", Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title><id>x</id><updated>2024-05-01T00:00:00Z</updated>
            <entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary><updated>2024-05-01T00:00:00Z</updated></entry></feed>
            """), "application/atom+xml"));
        await using var fixture = await CollectionSetup.CreateAsync(server);

        var (saved, _) = await fixture.Kb.RunAsync(await fixture.Kb.AddSourceAsync(SourceType.Arxiv, "id:1234"));

        Assert.Contains("incorrect id format", saved.LastError, StringComparison.Ordinal);
        Assert.Empty(await fixture.Kb.AllItemsAsync());
    }

    /// <summary>Answers <c>/api/query</c> with one arXiv-shaped entry at <paramref name="version"/>, and serves its PDF.</summary>
    private static void ServePaper(FixtureServer server, int version, string title)
    {
        var pdf = new PdfBuilder().WithTitle(title).AddPage("Introduction", $"Version {version} of the paper body explains retrieval over personal notes.").Build();
        server.Routes.Bytes($"/pdf/{PaperId}v{version}", pdf, "application/pdf");
        var atom = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
              <title type="html">ArXiv Query</title><id>http://arxiv.org/api/fixture</id><updated>2024-05-01T00:00:00-04:00</updated>
              <opensearch:totalResults>1</opensearch:totalResults><opensearch:startIndex>0</opensearch:startIndex><opensearch:itemsPerPage>50</opensearch:itemsPerPage>
              <entry>
                <id>http://arxiv.org/abs/{PaperId}v{version}</id>
                <updated>2024-0{version}-05T12:00:00Z</updated>
                <published>2024-01-03T18:00:00Z</published>
                <title>{title}</title>
                <summary>  We map notes to vectors and
              retrieve them by meaning.
            </summary>
                <author><name>Alice Smith</name></author>
                <author><name>Bob Jones</name></author>
                <link href="http://arxiv.org/abs/{PaperId}v{version}" rel="alternate" type="text/html"/>
                <link title="pdf" href="{server.Url($"/pdf/{PaperId}v{version}")}" rel="related" type="application/pdf"/>
                <arxiv:primary_category term="cs.IR" scheme="http://arxiv.org/schemas/atom"/>
                <category term="cs.IR" scheme="http://arxiv.org/schemas/atom"/>
                <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
              </entry>
            </feed>
            """;
        var bytes = Encoding.UTF8.GetBytes(atom);
        server.Routes.Map("/api/query", context =>
        {
            context.Response.ContentType = "application/atom+xml; charset=utf-8";
            return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
        });
    }
}
