using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Strata.Testing.S3;

/// <summary>
/// A small S3-compatible server on real Kestrel at 127.0.0.1, path-style: PUT, GET, HEAD and DELETE object,
/// ListObjectsV2 (paged) and HEAD bucket, answering S3's XML errors (NoSuchBucket, NoSuchKey,
/// SignatureDoesNotMatch, InvalidAccessKeyId). Every request must carry a valid AWS SigV4 signature
/// (<see cref="SigV4Verifier"/>) and a payload whose SHA-256 matches <c>x-amz-content-sha256</c>, so tests that
/// pass against it prove the client signs for real. Objects live in memory.
/// </summary>
public sealed class FakeS3Server : IAsyncDisposable
{
    private static readonly XNamespace S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _secrets;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> _buckets = new(StringComparer.Ordinal);
    private int _requests;
    private int _rejected;
    private int _puts;

    private FakeS3Server(WebApplication app, Dictionary<string, string> secrets)
    {
        _app = app;
        _secrets = secrets;
    }

    public const string Region = "us-east-1";

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public string AccessKey { get; private set; } = string.Empty;

    public string SecretKey { get; private set; } = string.Empty;

    /// <summary>Most keys one ListObjectsV2 page returns (S3's is 1,000); small values exercise paging.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Each answer waits this long first, for timeout tests.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>While true every request is answered 503 ServiceUnavailable (an outage).</summary>
    public bool Unavailable { get; set; }

    /// <summary>Requests received, and those refused for their signature or access key.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Objects written (PUT object requests accepted).</summary>
    public int Puts => Volatile.Read(ref _puts);

    /// <summary>Starts a server that knows one access key (random unless given) and holds the named, empty buckets.</summary>
    public static async Task<FakeS3Server> StartAsync(params string[] buckets)
    {
        var accessKey = "AKIA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var secretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeS3Server).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 512L * 1024 * 1024);
        var app = builder.Build();
        var server = new FakeS3Server(app, new Dictionary<string, string>(StringComparer.Ordinal) { [accessKey] = secretKey })
        {
            AccessKey = accessKey,
            SecretKey = secretKey,
        };
        foreach (var bucket in buckets)
        {
            server.CreateBucket(bucket);
        }

        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.First() + "/");
        return server;
    }

    public void CreateBucket(string name) => _buckets.TryAdd(name, new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal));

    /// <summary>The keys a bucket holds, sorted.</summary>
    public IReadOnlyList<string> Keys(string bucket) => [.. _buckets[bucket].Keys.Order(StringComparer.Ordinal)];

    /// <summary>An object's bytes, or null.</summary>
    public byte[]? Object(string bucket, string key) => _buckets[bucket].TryGetValue(key, out var bytes) ? bytes : null;

    /// <summary>Replaces an object's bytes behind the client's back (bit rot, a bad copy).</summary>
    public void Overwrite(string bucket, string key, byte[] bytes) => _buckets[bucket][key] = bytes;

    /// <summary>Removes an object behind the client's back (an upload that never happened); false when it was not there.</summary>
    public bool Remove(string bucket, string key) => _buckets[bucket].TryRemove(key, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        var request = context.Request;
        if (Unavailable)
        {
            await ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "Please reduce your request rate.", request.Path);
            return;
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = rawTarget.Split('?', 2)[0].TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucketName = Uri.UnescapeDataString(slash < 0 ? path : path[..slash]);
        var key = slash < 0 ? string.Empty : Uri.UnescapeDataString(path[(slash + 1)..]);
        var resource = "/" + bucketName + (key.Length > 0 ? "/" + key : string.Empty);

        if (SigV4Verifier.Verify(request, rawTarget, _secrets, Region) is { } refusal)
        {
            Interlocked.Increment(ref _rejected);
            await ErrorAsync(context, StatusCodes.Status403Forbidden, refusal.Code, refusal.Message, resource);
            return;
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        var declared = request.Headers["x-amz-content-sha256"].ToString();
        if (declared.StartsWith("STREAMING-", StringComparison.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status501NotImplemented, "NotImplemented", "aws-chunked payloads are not supported by this server", resource);
            return;
        }

        if (declared != "UNSIGNED-PAYLOAD" && declared != Convert.ToHexStringLower(SHA256.HashData(body)))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", resource);
            return;
        }

        if (!_buckets.TryGetValue(bucketName, out var bucket))
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "NoSuchBucket", "The specified bucket does not exist", resource);
            return;
        }

        if (key.Length == 0)
        {
            await BucketAsync(context, bucketName, bucket, resource);
            return;
        }

        switch (request.Method)
        {
            case "PUT":
                Interlocked.Increment(ref _puts);
                bucket[key] = body;
                context.Response.Headers.ETag = ETag(body);
                return;
            case "DELETE":
                bucket.TryRemove(key, out _);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case "GET" or "HEAD":
                if (!bucket.TryGetValue(key, out var bytes))
                {
                    await ErrorAsync(context, StatusCodes.Status404NotFound, "NoSuchKey", "The specified key does not exist.", resource);
                    return;
                }

                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = bytes.Length;
                context.Response.Headers.ETag = ETag(bytes);
                context.Response.Headers.LastModified = DateTimeOffset.UnixEpoch.ToString("R", CultureInfo.InvariantCulture);
                if (request.Method == "GET")
                {
                    await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
                }

                return;
            default:
                await ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "The specified method is not allowed against this resource.", resource);
                return;
        }
    }

    private async Task BucketAsync(HttpContext context, string name, ConcurrentDictionary<string, byte[]> bucket, string resource)
    {
        if (context.Request.Method == "HEAD")
        {
            return;
        }

        if (context.Request.Method != "GET" || context.Request.Query["list-type"] != "2")
        {
            await ErrorAsync(context, StatusCodes.Status501NotImplemented, "NotImplemented", "only ListObjectsV2 is implemented on buckets", resource);
            return;
        }

        var prefix = context.Request.Query["prefix"].ToString();
        var after = context.Request.Query["continuation-token"].ToString() is { Length: > 0 } token ? Encoding.UTF8.GetString(Convert.FromBase64String(token)) : context.Request.Query["start-after"].ToString();
        var maxKeys = int.TryParse(context.Request.Query["max-keys"], CultureInfo.InvariantCulture, out var asked) ? Math.Min(asked, PageSize) : PageSize;
        var matching = bucket.Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(entry.Key, after) > 0)
            .OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        var page = matching.Take(maxKeys).ToList();
        var truncated = matching.Count > page.Count;
        var result = new XElement(S3Namespace + "ListBucketResult",
            new XElement(S3Namespace + "Name", name),
            new XElement(S3Namespace + "Prefix", prefix),
            new XElement(S3Namespace + "KeyCount", page.Count),
            new XElement(S3Namespace + "MaxKeys", maxKeys),
            new XElement(S3Namespace + "IsTruncated", truncated ? "true" : "false"),
            page.Select(entry => new XElement(S3Namespace + "Contents",
                new XElement(S3Namespace + "Key", entry.Key),
                new XElement(S3Namespace + "LastModified", "1970-01-01T00:00:00.000Z"),
                new XElement(S3Namespace + "ETag", ETag(entry.Value)),
                new XElement(S3Namespace + "Size", entry.Value.Length),
                new XElement(S3Namespace + "StorageClass", "STANDARD"))),
            truncated ? new XElement(S3Namespace + "NextContinuationToken", Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Key))) : null);
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(new XDocument(new XDeclaration("1.0", "UTF-8", null), result).Declaration + result.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static string ETag(byte[] bytes) => $"\"{Convert.ToHexStringLower(MD5.HashData(bytes))}\"";

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message, string resource)
    {
        context.Response.StatusCode = status;
        if (context.Request.Method == "HEAD")
        {
            return; // S3 answers HEAD errors with the status alone
        }

        context.Response.ContentType = "application/xml";
        var error = new XElement("Error", new XElement("Code", code), new XElement("Message", message), new XElement("Resource", resource), new XElement("RequestId", Guid.NewGuid().ToString("N")));
        await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + error.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
    }
}
