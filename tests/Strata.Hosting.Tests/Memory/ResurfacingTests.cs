using Strata.Core.Digests;
using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Hosting.Tests.Memory;

public sealed class ResurfacingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateDigestAsync_ResurfaceOn_BringsBackOldUnopenedItemsOnly()
    {
        using var directory = new TempDirectory("strata-resurface");
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var time = new ManualTimeProvider(start);
        var options = new StrataOptions();
        options.Digest.ResurfaceItems = 5;
        options.Digest.ResurfaceAfter = TimeSpan.FromDays(60);
        await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(directory.Combine("data")), options, time);
        var forgotten = await AddAsync(kb, "Forgotten essay", "An essay about tide pools and the creatures living in them.");
        var opened = await AddAsync(kb, "Opened essay", "An essay about lichens growing slowly on granite boulders.");
        time.Now = start.AddDays(80);
        await kb.MarkOpenedAsync(opened, None);
        time.Now = start.AddDays(100);
        var fresh = await AddAsync(kb, "Fresh news", "A new note about solar panels on city roofs.");

        var digest = await kb.CreateDigestAsync(time.Now.AddDays(-1), null, store: true, send: false, None);
        var next = await kb.CreateDigestAsync(time.Now.AddDays(-1), null, store: false, send: false, None);

        Assert.Equal([forgotten], digest.Digest.Resurfaced.Select(entry => entry.ItemId));
        Assert.Contains(DigestRenderer.ResurfacedHeading, digest.Markdown, StringComparison.Ordinal);
        Assert.Contains(forgotten, digest.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh, digest.Digest.Resurfaced.Select(entry => entry.ItemId));
        Assert.Contains(forgotten, digest.Stored!.ItemIds);
        Assert.Empty(next.Digest.Resurfaced); // just shown: not again in the next digest
    }

    [Fact]
    public async Task CreateDigestAsync_ResurfaceOff_HasNoArchiveSection()
    {
        using var directory = new TempDirectory("strata-resurface-off");
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await using var kb = await KnowledgeBase.OpenAsync(new DataDirectory(directory.Combine("data")), new StrataOptions(), time);
        await AddAsync(kb, "Old essay", "An essay about tide pools.");
        time.Now = time.Now.AddDays(200);

        var digest = await kb.CreateDigestAsync(time.Now.AddDays(-1), null, store: false, send: false, None);

        Assert.Empty(digest.Digest.Resurfaced);
        Assert.DoesNotContain(DigestRenderer.ResurfacedHeading, digest.Markdown, StringComparison.Ordinal);
    }

    private static async Task<string> AddAsync(KnowledgeBase kb, string title, string text) =>
        (await kb.AddNoteAsync(text, new AddOptions { Title = title }, null, None)).Entries.Single().ItemId!;
}
