using System.Collections.Concurrent;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Strata.Core.Storage;

namespace Strata.Storage.S3;

/// <summary>
/// Originals in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, R2), one object per blob under
/// <c>&lt;prefix&gt;ab/cd/&lt;sha256&gt;</c> like <see cref="FileBlobStore"/>'s folders, shared by every process of a base.
/// </summary>
/// <remarks>
/// Content-addressed: an object's key is the SHA-256 of its bytes, so writing the same bytes twice stores one object
/// (a HEAD finds it first) and concurrent writers of the same bytes write identical objects. A PUT is atomic and
/// durable when it returns, so <see cref="SyncAsync"/> has nothing to do and callers record rows only after the
/// PUT succeeded. Every read re-hashes the bytes: a changed or truncated object fails with a clear error instead of
/// being processed (<see cref="InvalidDataException"/>). Requests are signed with SigV4 by the AWS SDK; failures become one-line
/// <see cref="BlobStoreException"/>s naming the endpoint and the key, never the secret. Thread-safe.
/// </remarks>
public sealed class S3BlobStore : IBlobStore, IAsyncDisposable
{
    private readonly S3BlobStoreSettings _settings;
    private readonly AmazonS3Client _client;
    private readonly ConcurrentDictionary<string, byte> _present = new(StringComparer.Ordinal);
    private Listing? _listing;

    /// <summary>How long <see cref="TotalBytes"/> reuses its last listing.</summary>
    public const long TotalBytesCacheMilliseconds = 60_000;

    public S3BlobStore(S3BlobStoreSettings settings)
    {
        _settings = settings;
        var config = new AmazonS3Config
        {
            ServiceURL = settings.Endpoint.AbsoluteUri,
            ForcePathStyle = settings.PathStyle,
            AuthenticationRegion = settings.Region,
            Timeout = settings.Timeout,
            MaxErrorRetry = 2,
            // Plain signed payloads: trailing checksums need aws-chunked encoding, which not every S3-compatible
            // server speaks; integrity is checked end to end by re-hashing on read anyway.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        _client = new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    /// <summary>Where the originals are (<c>s3://bucket/prefix at endpoint</c>).</summary>
    public string Location => _settings.Describe();

    /// <summary>The object key of a blob.</summary>
    public string KeyOf(string hash)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"not a blob hash (64 lowercase hex digits): {hash}", nameof(hash));
        }

        return $"{_settings.Prefix}{hash[..2]}/{hash[2..4]}/{hash}";
    }

    /// <summary>Checks the bucket exists and the credentials may list it; throws <see cref="BlobStoreException"/> otherwise.</summary>
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _settings.Bucket, Prefix = _settings.Prefix, MaxKeys = 1 }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain(exception, "list", _settings.Prefix);
        }
    }

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var hash = FileBlobStore.ComputeHash(content.Span);
        if (content.Length > _settings.MaxObjectBytes)
        {
            throw new BlobStoreException($"original {KeyOf(hash)} is {content.Length} bytes, over the S3 store's limit of {_settings.MaxObjectBytes} (Store.S3.MaxObjectBytes)");
        }

        if (_present.ContainsKey(hash) || await ExistsAsync(hash, cancellationToken).ConfigureAwait(false))
        {
            return hash;
        }

        var key = KeyOf(hash);
        try
        {
            using var stream = new ReadOnlyMemoryStream(content);
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _settings.Bucket,
                Key = key,
                InputStream = stream,
                AutoCloseStream = false,
                UseChunkEncoding = false,
                ContentType = "application/octet-stream",
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain(exception, "write", key);
        }

        _present[hash] = 0;
        if (_listing is { } listing)
        {
            _listing = listing with { Bytes = listing.Bytes + content.Length }; // approximate under concurrency; relisted within a minute
        }

        return hash;
    }

    /// <summary>Nothing to do: a PUT is durable once it returned.</summary>
    public Task SyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<byte[]> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        var key = KeyOf(hash);
        byte[] bytes;
        try
        {
            using var response = await _client.GetObjectAsync(_settings.Bucket, key, cancellationToken).ConfigureAwait(false);
            var length = response.ContentLength;
            if (length > _settings.MaxObjectBytes)
            {
                throw new BlobStoreException($"original {key} at {_settings.Describe()} is {length} bytes, over the S3 store's limit of {_settings.MaxObjectBytes} (Store.S3.MaxObjectBytes)");
            }

            bytes = new byte[length];
            await response.ResponseStream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
        {
            throw new FileNotFoundException($"original {key} is not in {_settings.Describe()}", key, exception);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain(exception, "read", key);
        }

        var actual = FileBlobStore.ComputeHash(bytes);
        if (actual != hash)
        {
            throw new InvalidDataException($"original {key} at {_settings.Describe()} is damaged: its {bytes.Length} bytes hash to {actual}");
        }

        return bytes;
    }

    /// <summary>Whether the blob's object exists (one HEAD request).</summary>
    public async Task<bool> ExistsAsync(string hash, CancellationToken cancellationToken)
    {
        var key = KeyOf(hash);
        try
        {
            await _client.GetObjectMetadataAsync(_settings.Bucket, key, cancellationToken).ConfigureAwait(false);
            _present[hash] = 0;
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
        {
            return false;
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain(exception, "look up", key);
        }
    }

    // The interface's synchronous members have no synchronous S3 call to use: run the async one on the pool so a
    // caller's synchronisation context cannot deadlock it.
    public bool Exists(string hash) => Task.Run(() => ExistsAsync(hash, CancellationToken.None)).GetAwaiter().GetResult();

    public bool Delete(string hash) => Task.Run(() => DeleteAsync(hash, CancellationToken.None)).GetAwaiter().GetResult();

    /// <summary>
    /// The bytes under the prefix, listed at most once per <see cref="TotalBytesCacheMilliseconds"/>: callers such as
    /// statistics and <c>strata worker --until-empty</c> ask often, and listing a large bucket costs a request per 1,000 objects.
    /// </summary>
    public long TotalBytes()
    {
        var cached = _listing;
        if (cached is not null && Environment.TickCount64 - cached.At < TotalBytesCacheMilliseconds)
        {
            return cached.Bytes;
        }

        var bytes = Task.Run(() => TotalBytesAsync(CancellationToken.None)).GetAwaiter().GetResult();
        _listing = new Listing(bytes, Environment.TickCount64);
        return bytes;
    }

    /// <summary>The last listing's total (plus what this process uploaded since) and when it was taken.</summary>
    private sealed record Listing(long Bytes, long At);

    /// <summary>Removes a blob's object; false when it was not there (S3's DELETE does not say, so a HEAD asks first).</summary>
    public async Task<bool> DeleteAsync(string hash, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(hash, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var key = KeyOf(hash);
        try
        {
            await _client.DeleteObjectAsync(_settings.Bucket, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain(exception, "delete", key);
        }

        _present.TryRemove(hash, out _);
        _listing = null;
        return true;
    }

    /// <summary>The bytes of every object under the prefix (ListObjectsV2, page by page).</summary>
    public async Task<long> TotalBytesAsync(CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _settings.Bucket, Prefix = _settings.Prefix };
        long total = 0;
        try
        {
            while (true)
            {
                var page = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                total += page.S3Objects?.Sum(entry => entry.Size ?? 0) ?? 0;
                if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
                {
                    return total;
                }

                request.ContinuationToken = page.NextContinuationToken;
            }
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain(exception, "list", _settings.Prefix);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Failures of the service or the connection; the caller's own cancellation passes through unchanged.</summary>
    private static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TimeoutException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private BlobStoreException Explain(Exception exception, string action, string key)
    {
        if (exception is BlobStoreException own)
        {
            return own;
        }

        var endpoint = _settings.Endpoint.GetLeftPart(UriPartial.Authority);
        var where = $"{_settings.Bucket}/{key}";
        return exception switch
        {
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } =>
                new BlobStoreException($"S3 bucket '{_settings.Bucket}' does not exist at {endpoint} (could not {action} {key})", exception),
            // A refused HEAD has no body, hence no error code: S3 says only 403.
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } s3 =>
                new BlobStoreException($"S3 at {endpoint} refused to {action} {where}: {ErrorName(s3, "AccessDenied")} (check the access key and secret key)", exception),
            AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } when action == "list" =>
                new BlobStoreException($"S3 bucket '{_settings.Bucket}' does not exist at {endpoint} (could not {action} {key})", exception),
            OperationCanceledException or TimeoutException =>
                new BlobStoreException($"S3 endpoint {endpoint} did not answer within {_settings.Timeout} (could not {action} {where})", exception),
            AmazonS3Exception s3 =>
                new BlobStoreException($"S3 at {endpoint} could not {action} {where}: {ErrorName(s3, s3.StatusCode.ToString())} {s3.Message}".TrimEnd(), exception),
            _ when Unreachable(exception) is { } cause =>
                new BlobStoreException($"cannot reach S3 endpoint {endpoint} to {action} {where}: {cause.Message}", exception),
            _ => new BlobStoreException($"S3 at {endpoint} could not {action} {where}: {exception.Message}", exception),
        };
    }

    private static string ErrorName(AmazonS3Exception exception, string fallback) =>
        string.IsNullOrEmpty(exception.ErrorCode) ? fallback : exception.ErrorCode;

    /// <summary>The connection-level cause (refused, reset, DNS), wherever the SDK wrapped it.</summary>
    private static Exception? Unreachable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or System.Net.Sockets.SocketException)
            {
                return current;
            }
        }

        return null;
    }
}
