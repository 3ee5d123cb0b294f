using System.Security.Cryptography;
using System.Text;
using Strata.Core.Storage;
using Strata.Storage.S3;
using Strata.Testing.S3;
using Xunit;

namespace Strata.Hosting.Tests.Blobs;

/// <summary>The S3 blob store against a real Kestrel S3 server on loopback that verifies every SigV4 signature.</summary>
public sealed class S3BlobStoreTests
{
    private const string Bucket = "originals";
    private static readonly CancellationToken None = CancellationToken.None;

    private static S3BlobStore Open(FakeS3Server server, string? secret = null, string? accessKey = null, string bucket = Bucket, string prefix = "kb/", TimeSpan? timeout = null, long maxObjectBytes = 1L << 30) =>
        new(new S3BlobStoreSettings(server.Endpoint, bucket, FakeS3Server.Region, prefix, PathStyle: true, accessKey ?? server.AccessKey, secret ?? server.SecretKey,
            timeout ?? TimeSpan.FromSeconds(30), maxObjectBytes));

    [Fact]
    public async Task PutReadExistsDelete_RoundTripUnderTheContentHashWithVerifiedSignatures()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var store = Open(server);
        var bytes = Encoding.UTF8.GetBytes("# Tides\n\nThe tides follow the moon.\n");

        var hash = await store.PutAsync(bytes, None);
        await store.SyncAsync(None);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash);
        Assert.Equal([$"kb/{hash[..2]}/{hash[2..4]}/{hash}"], server.Keys(Bucket));
        Assert.Equal(bytes, server.Object(Bucket, store.KeyOf(hash)));
        Assert.Equal(bytes, await store.ReadAsync(hash, None));
        Assert.True(store.Exists(hash));
        Assert.Equal(bytes.Length, store.TotalBytes());
        Assert.True(store.Delete(hash));
        Assert.False(store.Delete(hash));
        Assert.False(store.Exists(hash));
        Assert.Empty(server.Keys(Bucket));
        Assert.Equal(0, server.Rejected);
        Assert.True(server.Requests >= 6, "every operation went over HTTP");
    }

    [Fact]
    public async Task PutAsync_SameBytesTwiceAndFromAnotherProcess_StoresOneObject()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var first = Open(server);
        await using var second = Open(server); // another process: knows nothing the first wrote
        var bytes = Encoding.UTF8.GetBytes("same bytes, same name");

        var a = await first.PutAsync(bytes, None);
        var b = await first.PutAsync(bytes, None);
        var c = await second.PutAsync(bytes, None);

        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.Single(server.Keys(Bucket));
        Assert.Equal(1, server.Puts);
    }

    [Fact]
    public async Task ReadAsync_MissingObject_ThrowsFileNotFound()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var store = Open(server);
        var hash = FileBlobStore.ComputeHash("never stored"u8);

        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => store.ReadAsync(hash, None));

        Assert.Contains(store.KeyOf(hash), missing.Message, StringComparison.Ordinal);
        Assert.False(store.Exists(hash));
    }

    [Fact]
    public async Task ReadAsync_ObjectChangedInTheBucket_FailsTheIntegrityCheck()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var store = Open(server);
        var hash = await store.PutAsync("original text"u8.ToArray(), None);
        server.Overwrite(Bucket, store.KeyOf(hash), "tampered text"u8.ToArray());

        var damaged = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadAsync(hash, None));

        Assert.Contains("damaged", damaged.Message, StringComparison.Ordinal);
        Assert.Contains(store.KeyOf(hash), damaged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSecret_IsRefusedWithSignatureDoesNotMatchNamingEndpointAndKeyButNotTheSecret()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        const string wrongSecret = "not-the-secret-0123456789abcdefghijklmnop";
        await using var store = Open(server, secret: wrongSecret);
        var bytes = "refused"u8.ToArray();

        var refused = await Assert.ThrowsAsync<BlobStoreException>(() => store.ReadAsync(FileBlobStore.ComputeHash(bytes), None));
        var put = await Assert.ThrowsAsync<BlobStoreException>(() => store.PutAsync(bytes, None));

        Assert.Contains("SignatureDoesNotMatch", refused.Message, StringComparison.Ordinal);
        Assert.Contains("check the access key and secret key", put.Message, StringComparison.Ordinal);
        Assert.Contains(server.Endpoint.GetLeftPart(UriPartial.Authority), refused.Message, StringComparison.Ordinal);
        Assert.Contains(store.KeyOf(FileBlobStore.ComputeHash(bytes)), refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.True(server.Rejected > 0);
        Assert.Empty(server.Keys(Bucket));
    }

    [Fact]
    public async Task UnknownAccessKey_IsRefusedWithInvalidAccessKeyId()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var store = Open(server, accessKey: "AKIAUNKNOWN");

        var refused = await Assert.ThrowsAsync<BlobStoreException>(() => store.VerifyAsync(None));

        Assert.Contains("InvalidAccessKeyId", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingBucket_FailsWithOneLineNamingTheBucketAndEndpoint()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var store = Open(server, bucket: "no-such-bucket");

        var verify = await Assert.ThrowsAsync<BlobStoreException>(() => store.VerifyAsync(None));
        var put = await Assert.ThrowsAsync<BlobStoreException>(() => store.PutAsync("x"u8.ToArray(), None));

        Assert.Contains("bucket 'no-such-bucket' does not exist", verify.Message, StringComparison.Ordinal);
        Assert.Contains(server.Endpoint.GetLeftPart(UriPartial.Authority), verify.Message, StringComparison.Ordinal);
        Assert.Contains("bucket 'no-such-bucket' does not exist", put.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndpointDown_FailsWithOneLineNamingTheEndpoint()
    {
        var server = await FakeS3Server.StartAsync(Bucket);
        var endpoint = server.Endpoint;
        await using var store = Open(server);
        await server.DisposeAsync();

        var down = await Assert.ThrowsAsync<BlobStoreException>(() => store.PutAsync("x"u8.ToArray(), None));

        Assert.StartsWith($"cannot reach S3 endpoint {endpoint.GetLeftPart(UriPartial.Authority)}", down.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', down.Message);
    }

    [Fact]
    public async Task SlowEndpoint_TimesOutWithOneLine()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        server.Delay = TimeSpan.FromSeconds(5);
        await using var store = Open(server, timeout: TimeSpan.FromMilliseconds(300));

        var slow = await Assert.ThrowsAsync<BlobStoreException>(() => store.VerifyAsync(None));

        Assert.Contains("did not answer within", slow.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeObject_RoundTripsAndOversizedIsRefusedBeforeUpload()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var store = Open(server, maxObjectBytes: 32L * 1024 * 1024);
        var large = new byte[24 * 1024 * 1024];
        new Random(7).NextBytes(large);
        var oversized = new byte[33 * 1024 * 1024];

        var hash = await store.PutAsync(large, None);
        var refused = await Assert.ThrowsAsync<BlobStoreException>(() => store.PutAsync(oversized, None));

        Assert.Equal(large, await store.ReadAsync(hash, None));
        Assert.Contains("over the S3 store's limit", refused.Message, StringComparison.Ordinal);
        Assert.Single(server.Keys(Bucket));
    }

    [Fact]
    public async Task TotalBytes_SumsEveryPageUnderThePrefixOnly()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        server.PageSize = 2;
        await using var store = Open(server, prefix: "one/");
        await using var other = Open(server, prefix: "two/");
        var expected = 0;
        for (var index = 0; index < 5; index++)
        {
            var bytes = Encoding.UTF8.GetBytes($"blob number {index} " + new string('x', index * 10));
            expected += bytes.Length;
            await store.PutAsync(bytes, None);
        }

        await other.PutAsync("another base"u8.ToArray(), None);

        Assert.Equal(expected, store.TotalBytes());
        Assert.Equal(6, server.Keys(Bucket).Count);
    }

    [Fact]
    public async Task TotalBytes_ListsTheBucketAtMostOncePerMinuteAndCountsItsOwnUploads()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var store = Open(server);
        await store.PutAsync("first original"u8.ToArray(), None);

        var first = store.TotalBytes();
        var requests = server.Requests;
        await store.PutAsync("second original"u8.ToArray(), None);
        var afterPut = store.TotalBytes();
        var putRequests = server.Requests - requests; // the HEAD and the PUT, no listing

        Assert.Equal("first original".Length, first);
        Assert.Equal("first original".Length + "second original".Length, afterPut);
        Assert.Equal(2, putRequests);
    }

    [Fact]
    public async Task KeyOf_RejectsAnythingButAHash()
    {
        await using var server = await FakeS3Server.StartAsync(Bucket);
        await using var store = Open(server);

        Assert.Throws<ArgumentException>(() => store.KeyOf("../../etc/passwd"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAsync("ABC", None));
    }
}
