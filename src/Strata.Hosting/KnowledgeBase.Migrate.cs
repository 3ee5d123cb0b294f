using Strata.Hosting.Configuration;
using Strata.Hosting.Stores;
using Strata.Storage.Postgres;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>
    /// Copies this base to another engine (<c>strata migrate</c>): a <c>postgres://</c> URL or connection string, or a
    /// data directory for a SQLite base. <paramref name="blobPath"/> is a folder for the target's originals, or
    /// <c>s3</c> for the bucket <c>Store.S3</c> describes. Resumable; the report says per table whether counts and
    /// digests match, and whether every original reads back intact from the target.
    /// </summary>
    /// <exception cref="InvalidOperationException">The target cannot be opened, or is this base.</exception>
    public Task<MigrationReport> MigrateToAsync(string target, string? blobPath, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var source = Options.Store.Provider == StoreProvider.Sqlite
            ? MigrationEngine.Sqlite(_data.DatabasePath)
            : MigrationEngine.Postgres(PostgresConnectionString.Normalize(Options.Store.ResolveConnectionString()!), StoreDescription.Location);
        return StoreMigration.RunAsync(source, _blobs, _store, target, blobPath, Options.Store.S3, Options.Ingest.DurableOriginals, progress, cancellationToken);
    }
}
