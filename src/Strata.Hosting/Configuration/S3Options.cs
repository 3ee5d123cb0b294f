using Strata.Storage.S3;

namespace Strata.Hosting.Configuration;

/// <summary>
/// The S3-compatible bucket originals go to when <see cref="StoreOptions.Blobs"/> is <see cref="BlobStoreKind.S3"/>.
/// Keep the keys out of <c>strata.json</c>: set <c>STRATA__STORE__S3__ACCESSKEY</c> and <c>STRATA__STORE__S3__SECRETKEY</c>.
/// </summary>
public sealed class S3Options
{
    /// <summary>The service URL, e.g. <c>https://s3.eu-west-1.amazonaws.com</c> or <c>http://minio.internal:9000</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The bucket (created beforehand; Strata never creates or deletes buckets).</summary>
    public string? Bucket { get; set; }

    /// <summary>The SigV4 signing region.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Prepended to every key (e.g. <c>strata/</c>), so one bucket can hold several bases.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Path-style addressing (<c>endpoint/bucket/key</c>), which MinIO, Ceph and Garage need; false for virtual-hosted buckets.</summary>
    public bool PathStyle { get; set; } = true;

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest original stored or read (1 GiB).</summary>
    public long MaxObjectBytes { get; set; } = 1L << 30;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            problems.Add("Store.Blobs is s3 but Store.S3.Endpoint is not an http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(Bucket))
        {
            problems.Add("Store.Blobs is s3 but Store.S3.Bucket is not set");
        }

        if (string.IsNullOrWhiteSpace(AccessKey) || string.IsNullOrWhiteSpace(SecretKey))
        {
            problems.Add("Store.Blobs is s3 but the credentials are missing: set STRATA__STORE__S3__ACCESSKEY and STRATA__STORE__S3__SECRETKEY");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add("Store.S3.Timeout must be positive");
        }

        if (MaxObjectBytes <= 0)
        {
            problems.Add("Store.S3.MaxObjectBytes must be positive");
        }

        return problems;
    }

    /// <summary>The store's settings; call after <see cref="Validate"/> found nothing.</summary>
    public S3BlobStoreSettings ToSettings()
    {
        var prefix = Prefix.TrimStart('/');
        return new S3BlobStoreSettings(new Uri(Endpoint!), Bucket!, Region, prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/",
            PathStyle, AccessKey!, SecretKey!, Timeout, MaxObjectBytes);
    }
}

/// <summary>Where originals are kept.</summary>
public enum BlobStoreKind
{
    /// <summary>Files under <see cref="StoreOptions.BlobPath"/> (SQLite: pack files; PostgreSQL: one file per blob on a shared mount).</summary>
    File,

    /// <summary>An S3-compatible bucket (<see cref="StoreOptions.S3"/>), shared by every process.</summary>
    S3,
}
