using System.Runtime.CompilerServices;
using Strata.Core.Storage;
using Strata.Hosting.Configuration;
using Strata.Storage.Postgres;
using Strata.Storage.S3;
using Strata.Storage.Sqlite;
using Strata.Storage.Sqlite.Blobs;

namespace Strata.Hosting.Stores;

/// <summary>
/// Opens the engine <see cref="StoreOptions.Provider"/> names and migrates it. The SQLite path builds exactly
/// what it always did; the rest of the host sees only <see cref="IKnowledgeStore"/>.
/// </summary>
internal static class StoreFactory
{
    /// <exception cref="InvalidOperationException">The PostgreSQL connection is missing or unreadable.</exception>
    /// <exception cref="BlobStoreException">The S3 bucket is missing, refuses the credentials or cannot be reached.</exception>
    public static async Task<OpenedStore> OpenAsync(StrataOptions options, DataDirectory data, TimeProvider? time, CancellationToken cancellationToken)
    {
        var blobPath = string.IsNullOrWhiteSpace(options.Store.BlobPath) ? data.BlobsPath : Path.GetFullPath(options.Store.BlobPath);
        var bucket = options.Store.Blobs == BlobStoreKind.S3 ? await OpenConfiguredBucketAsync(options.Store.S3, cancellationToken).ConfigureAwait(false) : null;
        return options.Store.Provider == StoreProvider.Sqlite
            ? await OpenSqliteAsync(options, data, blobPath, bucket, time, cancellationToken).ConfigureAwait(false)
            : await OpenPostgresAsync(options, blobPath, bucket, time, cancellationToken).ConfigureAwait(false);
    }

    // One method per engine and for the bucket: a SQLite process never loads the PostgreSQL, Npgsql or S3 assemblies
    // (a few MB resident in a long-running server), which the types of one shared method's locals would drag in.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<OpenedStore> OpenSqliteAsync(StrataOptions options, DataDirectory data, string blobPath, Bucket? bucket, TimeProvider? time, CancellationToken cancellationToken)
    {
        var sqlite = new SqliteItemStore(data.DatabasePath, time);
        await sqlite.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var description = new StoreDescription("sqlite", data.DatabasePath, SqliteItemStore.SchemaVersion,
            "exact scan in the application (SIMD, float32)", bucket?.Location ?? blobPath, "one worker at a time (queue.lock)",
            bucket is null ? "pack files" : S3Kind);
        return new OpenedStore(sqlite, bucket?.Blobs ?? new PackBlobStore(blobPath, options.Ingest.DurableOriginals), SharedQueue: false, description);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<OpenedStore> OpenPostgresAsync(StrataOptions options, string blobPath, Bucket? bucket, TimeProvider? time, CancellationToken cancellationToken)
    {
        var connection = options.Store.ResolveConnectionString()
            ?? throw new InvalidOperationException($"Store.Provider is postgres but no connection is set: set STRATA__STORE__CONNECTIONSTRING or {StoreOptions.PostgresEnvironmentVariable}");
        string normalized;
        try
        {
            normalized = PostgresConnectionString.Normalize(connection);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"Store.ConnectionString: {exception.Message}", exception);
        }

        var postgres = new PostgresItemStore(new PostgresStoreOptions(normalized, options.Store.LeaseDuration) { SearchWindow = options.Store.SearchWindow }, time);
        try
        {
            await postgres.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Npgsql.NpgsqlException exception)
        {
            await postgres.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"cannot open the PostgreSQL base {postgres.Describe()}: {exception.Message}", exception);
        }

        // Originals as one file per blob (atomic rename): safe for many processes on a shared mount; or a bucket.
        return new OpenedStore(postgres, bucket?.Blobs ?? new FileBlobStore(blobPath, options.Ingest.DurableOriginals), SharedQueue: true, new StoreDescription(
            "postgres", postgres.Describe(), PostgresItemStore.SchemaVersion, VectorSearchText(postgres.VectorPath), bucket?.Location ?? blobPath,
            $"leased jobs (FOR UPDATE SKIP LOCKED, lease {options.Store.LeaseDuration}): any number of workers",
            bucket is null ? "one file per original" : S3Kind));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<Bucket> OpenConfiguredBucketAsync(S3Options s3, CancellationToken cancellationToken)
    {
        var bucket = await OpenBucketAsync(s3, cancellationToken).ConfigureAwait(false);
        return new Bucket(bucket, bucket.Location);
    }

    /// <summary>An opened bucket as the engines see it: a blob store and where it is.</summary>
    private sealed record Bucket(IBlobStore Blobs, string Location);

    private const string S3Kind = "S3-compatible bucket (SigV4)";

    /// <summary>The configured bucket, checked once (it exists, the keys may list it) so a mistake fails at open with one line.</summary>
    public static async Task<S3BlobStore> OpenBucketAsync(S3Options s3, CancellationToken cancellationToken)
    {
        var bucket = new S3BlobStore(s3.ToSettings());
        try
        {
            await bucket.VerifyAsync(cancellationToken).ConfigureAwait(false);
            return bucket;
        }
        catch (BlobStoreException)
        {
            // An IOException: the CLI prints its one line (endpoint, bucket, S3's error code) without a stack trace.
            await bucket.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string VectorSearchText(VectorSearchPath path) => path switch
    {
        VectorSearchPath.ExactScanPgvectorAvailable => "exact scan in the application (pgvector is available on the server but not used by this build)",
        _ => "exact scan in the application (pgvector not installed on the server)",
    };
}
