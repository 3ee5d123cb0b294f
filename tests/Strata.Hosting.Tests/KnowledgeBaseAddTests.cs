using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Hosting.Ingest;
using Strata.Testing.Documents;
using Xunit;

namespace Strata.Hosting.Tests;

public sealed class KnowledgeBaseAddTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AddAsync_FolderWithGoodAndBadFiles_AddsGoodOnesAndGivesOneClearLinePerBadOne()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        fixture.Input("notes/zettel.md", "---\ntitle: Zettelkasten basics\ntags: [pkm, notes]\n---\n# Zettelkasten\n\nAtomic notes linked by meaning help retrieval.\n");
        fixture.Input("notes/plain.txt", "A plain text reminder about spaced repetition.\nSecond line.");
        fixture.Input("web/article.html", "<html lang=\"en\"><head><title>Hypertext essay</title></head><body><nav>Home | About</nav><article><h1>Hypertext essay</h1><p>Links between documents create a web of knowledge that readers traverse in many orders, which changes how we write.</p><p>Writers should design for non-linear reading and clear anchors.</p></article><footer>Copyright</footer></body></html>");
        fixture.Input("paper.pdf", new PdfBuilder().WithTitle("Retrieval paper").AddPage("Introduction", "Dense retrieval maps queries to vectors.").AddPage("Method", "We evaluate on a benchmark collection.").Build());
        fixture.Input("report.docx", new DocxBuilder().WithTitle("Quarterly report").Heading(1, "Summary").Paragraph("Revenue grew in every region.").Bullet("North").Build());
        fixture.Input("empty.txt", []);
        fixture.Input("garbage.html", Enumerable.Range(0, 4096).Select(index => (byte)((index * 7919) % 256)).ToArray());
        var good = new PdfBuilder().AddPage("Truncated", "This PDF will be cut in half.").Build();
        fixture.Input("truncated.pdf", good[..(good.Length / 2)]);

        var report = await fixture.Kb.AddAsync([fixture.Inputs], new AddOptions { Tags = ["inbox-test"] }, null, None);

        Assert.Equal(5, report.Count(IngestOutcome.Added));
        Assert.Equal(3, report.Count(IngestOutcome.Failed));
        Assert.Contains(report.Entries, entry => entry.Origin.EndsWith("empty.txt", StringComparison.Ordinal) && entry.Message!.Contains("empty file", StringComparison.Ordinal));
        Assert.Contains(report.Entries, entry => entry.Origin.EndsWith("garbage.html", StringComparison.Ordinal) && entry.Message!.Contains("binary content", StringComparison.Ordinal));
        Assert.Contains(report.Entries, entry => entry.Origin.EndsWith("truncated.pdf", StringComparison.Ordinal) && entry.Message!.Contains("PDF", StringComparison.Ordinal));

        // The bad-but-nonempty originals are kept, listed as failed, with their reasons.
        var failed = await fixture.Kb.ListAsync(new ItemFilter { FailedOnly = true }, None);
        Assert.Equal(2, failed.Count);
        Assert.All(failed, item => Assert.False(string.IsNullOrWhiteSpace(item.Error)));

        var zettel = (await fixture.Kb.SearchAsync("zettelkasten", 5, None)).Single();
        var item = await fixture.Kb.GetAsync(zettel.Item.Id, None);
        Assert.Equal("Zettelkasten basics", item!.Title);
        Assert.Contains("pkm", item.Tags.Select(tag => tag.Name));
        Assert.Contains("inbox-test", item.Tags.Select(tag => tag.Name));
        Assert.Single(await fixture.Kb.SearchAsync("retrieval paper", 5, None));
        Assert.Single(await fixture.Kb.SearchAsync("revenue region", 5, None));
        var essay = Assert.Single(await fixture.Kb.SearchAsync("hypertext", 5, None));
        var essayItem = await fixture.Kb.GetAsync(essay.Item.Id, None);
        Assert.DoesNotContain("Copyright", essayItem!.Text, StringComparison.Ordinal);
        Assert.Equal("en", essayItem.Language);
    }

    [Fact]
    public async Task AddAsync_SameBytesTwice_SecondIsAlreadyPresentUnlessForced()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        var path = fixture.Input("a.md", "# Once\n\nOnly once in the base.");
        var copy = fixture.Input("copy-of-a.md", "# Once\n\nOnly once in the base.");

        var first = await fixture.Kb.AddAsync([path], new AddOptions(), null, None);
        var second = await fixture.Kb.AddAsync([copy], new AddOptions(), null, None);
        var forced = await fixture.Kb.AddAsync([copy], new AddOptions { Force = true }, null, None);

        var addedId = Assert.Single(first.Entries).ItemId;
        var skipped = Assert.Single(second.Entries);
        Assert.Equal(IngestOutcome.AlreadyPresent, skipped.Outcome);
        Assert.Equal(addedId, skipped.ItemId);
        Assert.StartsWith($"already in the base: {addedId} Once", skipped.Message, StringComparison.Ordinal);
        Assert.Equal(IngestOutcome.Added, Assert.Single(forced.Entries).Outcome);
    }

    [Fact]
    public async Task AddAsync_FileOverSizeLimitOrMissing_FailsClearlyAndStoresNothing()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync(options => options.Ingest.MaxFileBytes = 1024);
        var big = fixture.Input("big.txt", new string('x', 4096));

        var report = await fixture.Kb.AddAsync([big, fixture.Directory.Combine("nope.md")], new AddOptions(), null, None);

        Assert.Equal(2, report.Count(IngestOutcome.Failed));
        Assert.Contains("file is 4 KB, over the 1 KB limit", report.Entries[0].Message, StringComparison.Ordinal);
        Assert.Equal("no such file or directory", report.Entries[1].Message);
        Assert.Equal(0, (await fixture.Kb.StatisticsAsync(None)).Items);
    }

    [Fact]
    public async Task AddNoteAsync_WithTitleAndTags_IsSearchableAsNote()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();

        var report = await fixture.Kb.AddNoteAsync("Remember to read about 结构化 notes.", new AddOptions { Title = "Reading list", Tags = ["todo"] }, null, None);

        var id = Assert.Single(report.Entries).ItemId!;
        var item = await fixture.Kb.GetAsync(id, None);
        Assert.Equal(ItemKind.Note, item!.Kind);
        Assert.Equal("Reading list", item.Title);
        Assert.Equal(ItemState.Indexed, item.State);
        Assert.Equal(id, Assert.Single(await fixture.Kb.SearchAsync("结构化", 5, None)).Item.Id);
        Assert.Equal(id, Assert.Single(await fixture.Kb.SearchAsync("tag:todo", 5, None)).Item.Id);
    }

    [Fact]
    public async Task TagAsync_AddAndRemove_ReindexesTags()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        var report = await fixture.Kb.AddAsync([fixture.Input("t.md", "# Tagging\n\nSome body.")], new AddOptions(), null, None);
        var id = report.Entries[0].ItemId!;

        var tags = await fixture.Kb.TagAsync(id[..8], ["projects/strata"], [], None);

        Assert.Equal(["projects/strata"], tags!.Select(tag => tag.Name));
        Assert.Single(await fixture.Kb.SearchAsync("strata", 5, None));
        Assert.Single(await fixture.Kb.SearchAsync("tag:projects", 5, None));
        await fixture.Kb.TagAsync(id, [], ["projects/strata"], None);
        Assert.Empty(await fixture.Kb.SearchAsync("tag:projects", 5, None));
    }
}
