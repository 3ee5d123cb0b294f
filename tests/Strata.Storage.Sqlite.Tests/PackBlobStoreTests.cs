using System.Text;
using Strata.Core.Storage;
using Strata.Storage.Sqlite.Blobs;
using Strata.Testing.Files;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class PackBlobStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PutAsync_SameBytesTwice_StoresOnceAndReadsBack()
    {
        using var temp = new TempDirectory();
        await using var blobs = new PackBlobStore(temp.Path);
        var content = Encoding.UTF8.GetBytes("the original bytes");

        var first = await blobs.PutAsync(content, None);
        var second = await blobs.PutAsync(content, None);
        await blobs.SyncAsync(None);

        Assert.Equal(FileBlobStore.ComputeHash(content), first);
        Assert.Equal(first, second);
        Assert.Equal(content, await blobs.ReadAsync(first, None));
        Assert.Equal(content.Length, blobs.TotalBytes());
    }

    [Fact]
    public async Task SyncAsync_MakesBlobsVisibleToAnotherInstanceOnlyAfterwards()
    {
        using var temp = new TempDirectory();
        await using var writer = new PackBlobStore(temp.Path);
        var hash = await writer.PutAsync("pending until synced"u8.ToArray(), None);
        await using var reader = new PackBlobStore(temp.Path);

        Assert.False(reader.Exists(hash));
        await writer.SyncAsync(None);

        Assert.True(reader.Exists(hash));
        Assert.Equal("pending until synced", Encoding.UTF8.GetString(await reader.ReadAsync(hash, None)));
    }

    [Fact]
    public async Task PutAsync_UnsyncedBytesLostInACrash_AreWrittenAgainNextTime()
    {
        using var temp = new TempDirectory();
        var content = "written, never synced"u8.ToArray();
        var crashed = new PackBlobStore(temp.Path);
        var hash = await crashed.PutAsync(content, None);

        // A second process (the first never synced: as if killed) neither sees the blob nor is confused by the torn pack.
        await using var next = new PackBlobStore(temp.Path);
        Assert.False(next.Exists(hash));
        await next.PutAsync(content, None);
        await next.SyncAsync(None);

        Assert.Equal(content, await next.ReadAsync(hash, None));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(temp.Path, "packs"), "*.pack").Length);
    }

    [Fact]
    public async Task ReadAsync_BlobInTheOlderFileLayout_IsStillRead()
    {
        using var temp = new TempDirectory();
        var legacy = new FileBlobStore(temp.Path);
        var hash = await legacy.PutAsync("from an older store"u8.ToArray(), None);
        await using var blobs = new PackBlobStore(temp.Path);

        Assert.True(blobs.Exists(hash));
        Assert.Equal("from an older store", Encoding.UTF8.GetString(await blobs.ReadAsync(hash, None)));
        Assert.True(blobs.Delete(hash));
        Assert.False(blobs.Exists(hash));
    }

    [Fact]
    public async Task Delete_PackedBlob_IsGoneForEveryInstance()
    {
        using var temp = new TempDirectory();
        await using var blobs = new PackBlobStore(temp.Path);
        var hash = await blobs.PutAsync("to be purged"u8.ToArray(), None);
        await blobs.SyncAsync(None);

        Assert.True(blobs.Delete(hash));

        Assert.False(blobs.Exists(hash));
        await using var other = new PackBlobStore(temp.Path);
        Assert.False(other.Exists(hash));
        await Assert.ThrowsAsync<FileNotFoundException>(() => other.ReadAsync(hash, None));
        Assert.False(blobs.Delete(hash));
    }
}
