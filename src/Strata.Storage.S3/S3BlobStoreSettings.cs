namespace Strata.Storage.S3;

/// <summary>Where and how an <see cref="S3BlobStore"/> reaches its bucket. The secret is never part of any message.</summary>
/// <param name="Endpoint">The service URL, e.g. <c>https://s3.eu-west-1.amazonaws.com</c> or <c>http://minio:9000</c>.</param>
/// <param name="Bucket">The bucket; it must exist (the store never creates it).</param>
/// <param name="Region">The signing region (SigV4); S3-compatible servers usually accept <c>us-east-1</c>.</param>
/// <param name="Prefix">Prepended to every key, e.g. <c>strata/</c>, so one bucket can hold several bases.</param>
/// <param name="PathStyle">Address the bucket as <c>endpoint/bucket/key</c> (MinIO, Ceph, Garage) instead of <c>bucket.endpoint/key</c>.</param>
/// <param name="AccessKey">The access key id.</param>
/// <param name="SecretKey">The secret access key.</param>
/// <param name="Timeout">How long one request may take before it fails.</param>
/// <param name="MaxObjectBytes">Larger originals are refused on write and on read.</param>
public sealed record S3BlobStoreSettings(
    Uri Endpoint,
    string Bucket,
    string Region,
    string Prefix,
    bool PathStyle,
    string AccessKey,
    string SecretKey,
    TimeSpan Timeout,
    long MaxObjectBytes)
{
    /// <summary>Where originals are, for <c>strata doctor</c> and errors: <c>s3://bucket/prefix at endpoint</c> (no credentials).</summary>
    public string Describe() => $"s3://{Bucket}/{Prefix} at {Endpoint.GetLeftPart(UriPartial.Authority)}";

    /// <summary>The secret never appears in logs or exceptions, even when the record is printed.</summary>
    public override string ToString() => Describe();
}
