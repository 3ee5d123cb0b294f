using Strata.Core.Sources;
using Strata.Hosting.Collection;
using Xunit;

namespace Strata.Hosting.Tests.Collection;

public sealed class FolderSourceTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime Later = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task RunSourceAsync_FolderChanges_IngestsNewAndChangedAndNotesDeletedWithoutPurging()
    {
        await using var fixture = await CollectionSetup.CreateAsync();
        var alpha = fixture.Input("watched/alpha.md", "# Alpha\n\nFirst draft about marmots.");
        var beta = fixture.Input("watched/beta.md", "# Beta\n\nNotes about beavers that will be deleted.");
        fixture.Input("watched/sub/gamma.txt", "Gamma talks about gophers.");
        var source = await fixture.Kb.AddSourceAsync(SourceType.Folder, Path.Combine(fixture.Inputs, "watched"));
        var (_, first) = await fixture.Kb.RunAsync(source);
        var alphaId = (await fixture.Kb.SearchAsync("marmots", 5, None)).Single().Item.Id;
        var betaId = (await fixture.Kb.SearchAsync("beavers", 5, None)).Single().Item.Id;

        File.WriteAllText(alpha, "# Alpha\n\nSecond draft about otters.");
        File.SetLastWriteTimeUtc(alpha, Later);
        File.Delete(beta);
        fixture.Input("watched/delta.md", "# Delta\n\nA new note about dolphins.");
        var (_, second) = await fixture.Kb.RunAsync(source);
        var (_, third) = await fixture.Kb.RunAsync(source);

        Assert.Equal(3, first.New);
        Assert.Equal((1, 2), (second.New, second.Updated));
        Assert.Equal((0, 0, 3), (third.New, third.Updated, third.Unchanged));
        Assert.Equal(4, (await fixture.Kb.AllItemsAsync()).Count);
        var changed = (await fixture.Kb.GetAsync(alphaId, None))!;
        Assert.Contains("otters", changed.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await fixture.Kb.ListVersionsAsync(alphaId, None)).Count);
        Assert.Empty(await fixture.Kb.SearchAsync("marmots", 5, None));
        var deleted = (await fixture.Kb.GetAsync(betaId, None))!;
        Assert.False(string.IsNullOrEmpty(deleted.Metadata[FolderCollector.DeletedKey]));
        Assert.Single(await fixture.Kb.SearchAsync("beavers", 5, None));
        Assert.Single(await fixture.Kb.SearchAsync("dolphins", 5, None));
        Assert.Empty((await fixture.Kb.CheckAsync(None)).Problems);
    }

    [Fact]
    public async Task RunSourceAsync_DeletedFileRestored_ClearsDeletedNoteOnSameItem()
    {
        await using var fixture = await CollectionSetup.CreateAsync();
        var path = fixture.Input("watched/phoenix.md", "# Phoenix\n\nRises again.");
        var source = await fixture.Kb.AddSourceAsync(SourceType.Folder, Path.Combine(fixture.Inputs, "watched"));
        await fixture.Kb.RunAsync(source);
        File.Delete(path);
        await fixture.Kb.RunAsync(source);

        fixture.Input("watched/phoenix.md", "# Phoenix\n\nRises again.");
        await fixture.Kb.RunAsync(source);

        var item = Assert.Single(await fixture.Kb.AllItemsAsync());
        Assert.True(string.IsNullOrEmpty(item.Metadata.GetValueOrDefault(FolderCollector.DeletedKey)));
    }

    [Fact]
    public async Task AddOrRunSource_MissingFolder_FailsClearly()
    {
        await using var fixture = await CollectionSetup.CreateAsync();
        var folder = Path.Combine(fixture.Inputs, "vanishing");
        Directory.CreateDirectory(folder);
        var source = await fixture.Kb.AddSourceAsync(SourceType.Folder, folder);
        Directory.Delete(folder);

        var (saved, _) = await fixture.Kb.RunAsync(source);
        var error = await Assert.ThrowsAsync<SourceException>(() => fixture.Kb.AddSourceAsync(SourceType.Folder, folder));

        Assert.StartsWith("folder not found", saved.LastError, StringComparison.Ordinal);
        Assert.StartsWith("folder not found", error.Message, StringComparison.Ordinal);
    }
}
