using System.Text;
using Strata.Core.Storage;
using Strata.Storage.S3;
using Strata.Storage.Sqlite.Blobs;
using Strata.Testing.Files;
using Strata.Testing.S3;
using Xunit;

namespace Strata.Hosting.Tests.Blobs;

/// <summary>What every <see cref="IBlobStore"/> promises, run against the file, pack and S3 stores alike.</summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected IBlobStore Store { get; private set; } = null!;

    protected abstract Task<IBlobStore> CreateAsync();

    public async Task InitializeAsync() => Store = await CreateAsync();

    public virtual async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task Put_ReturnsTheSha256AndReadsBackTheSameBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("contract: the name is the hash");

        var hash = await Store.PutAsync(bytes, None);
        await Store.SyncAsync(None);

        Assert.Equal(FileBlobStore.ComputeHash(bytes), hash);
        Assert.Equal(bytes, await Store.ReadAsync(hash, None));
        Assert.True(Store.Exists(hash));
    }

    [Fact]
    public async Task Put_SameBytesTwiceAndConcurrently_IsIdempotent()
    {
        var bytes = Encoding.UTF8.GetBytes("contract: written once");
        var hashes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.PutAsync(bytes, None)));
        await Store.SyncAsync(None);

        Assert.Single(hashes.Distinct());
        Assert.Equal(bytes.Length, Store.TotalBytes());
        Assert.Equal(bytes, await Store.ReadAsync(hashes[0], None));
    }

    [Fact]
    public async Task Read_Missing_ThrowsNotFound()
    {
        var hash = FileBlobStore.ComputeHash("contract: never stored"u8);

        var missing = await Record.ExceptionAsync(() => Store.ReadAsync(hash, None));

        Assert.True(missing is FileNotFoundException or DirectoryNotFoundException, missing?.ToString());
        Assert.False(Store.Exists(hash));
        Assert.False(Store.Delete(hash));
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatBlob()
    {
        var keep = await Store.PutAsync("contract: keep"u8.ToArray(), None);
        var drop = await Store.PutAsync("contract: drop"u8.ToArray(), None);
        await Store.SyncAsync(None);

        Assert.True(Store.Delete(drop));

        Assert.False(Store.Exists(drop));
        Assert.True(Store.Exists(keep));
        Assert.Equal("contract: keep"u8.ToArray(), await Store.ReadAsync(keep, None));
    }

    [Fact]
    public async Task EmptyAndBinaryContent_RoundTrip()
    {
        var binary = Enumerable.Range(0, 256 * 1024).Select(index => (byte)(index * 31)).ToArray();

        var empty = await Store.PutAsync(Array.Empty<byte>(), None);
        var large = await Store.PutAsync(binary, None);
        await Store.SyncAsync(None);

        Assert.Empty(await Store.ReadAsync(empty, None));
        Assert.Equal(binary, await Store.ReadAsync(large, None));
    }
}

public sealed class FileBlobStoreContractTests : BlobStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new("strata-blob-contract-file");

    protected override Task<IBlobStore> CreateAsync() => Task.FromResult<IBlobStore>(new FileBlobStore(_directory.Combine("blobs"), durable: false));

    public void Dispose() => _directory.Dispose();
}

public sealed class PackBlobStoreContractTests : BlobStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new("strata-blob-contract-pack");

    protected override Task<IBlobStore> CreateAsync() => Task.FromResult<IBlobStore>(new PackBlobStore(_directory.Combine("blobs"), durable: false));

    public void Dispose() => _directory.Dispose();
}

public sealed class S3BlobStoreContractTests : BlobStoreContract
{
    private FakeS3Server? _server;

    protected override async Task<IBlobStore> CreateAsync()
    {
        _server = await FakeS3Server.StartAsync("contract");
        return new S3BlobStore(new S3BlobStoreSettings(_server.Endpoint, "contract", FakeS3Server.Region, "c/", PathStyle: true,
            _server.AccessKey, _server.SecretKey, TimeSpan.FromSeconds(30), 1L << 30));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
