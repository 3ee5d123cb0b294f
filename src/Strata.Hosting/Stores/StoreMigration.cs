using Strata.Core.Storage;
using Strata.Hosting.Configuration;
using Strata.Storage.Postgres;
using Strata.Storage.Sqlite;
using Strata.Storage.Sqlite.Blobs;

namespace Strata.Hosting.Stores;

/// <summary>
/// Copies a knowledge base to another engine: SQLite to PostgreSQL or back. The target is created and migrated to
/// this build's schema, rows are copied table by table (parents first), originals are copied by hash, the keyword
/// index is rebuilt from the copied text, and every table is verified by count and digest. Running it again after an
/// interruption resumes: what the target already has is skipped.
/// </summary>
internal static class StoreMigration
{
    /// <param name="source">The base being copied.</param>
    /// <param name="sourceBlobs">Its originals.</param>
    /// <param name="sourceStore">Its store (for the referenced hashes).</param>
    /// <param name="target">A <c>postgres://</c> URL or Npgsql connection string, or a data directory for a SQLite base.</param>
    /// <param name="targetBlobPath">Where the target's originals go (required for PostgreSQL; default for SQLite: its data directory's blobs).</param>
    /// <param name="durable">Flush copied originals to disk.</param>
    /// <param name="progress">One line per step.</param>
    /// <param name="cancellationToken">Stops between rows.</param>
    public static async Task<MigrationReport> RunAsync(
        MigrationEngine source, IBlobStore sourceBlobs, IItemStore sourceStore, string target, string? targetBlobPath, bool durable,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var (engine, store, blobs, rebuild) = await OpenTargetAsync(target, targetBlobPath, durable, cancellationToken).ConfigureAwait(false);
        try
        {
            if (engine.IsPostgres == source.IsPostgres && engine.Name == source.Name)
            {
                throw new InvalidOperationException("the target is the base itself");
            }

            var copier = new TableCopier(source, engine);
            var copied = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in MigrationTables.All)
            {
                copied[table.Name] = await copier.CopyAsync(table, cancellationToken).ConfigureAwait(false);
                progress?.Report($"{table.Name}: {copied[table.Name]} row(s) copied");
            }

            var (blobsCopied, blobsChecked, missing) = await CopyBlobsAsync(sourceStore, sourceBlobs, blobs, cancellationToken).ConfigureAwait(false);
            progress?.Report($"originals: {blobsCopied} copied, {blobsChecked} present");
            var indexed = await rebuild(cancellationToken).ConfigureAwait(false);
            progress?.Report($"keyword index: {indexed} item(s) indexed");

            var tables = new List<TableMigration>();
            foreach (var table in MigrationTables.All)
            {
                var (from, to) = await copier.DigestAsync(table, cancellationToken).ConfigureAwait(false);
                tables.Add(new TableMigration(table.Name, copied[table.Name], from.Rows, to.Rows, from.Value, to.Value));
            }

            return new MigrationReport(engine.Name, tables, blobsCopied, blobsChecked, missing, indexed);
        }
        finally
        {
            await store.DisposeAsync().ConfigureAwait(false);
            if (blobs is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<(MigrationEngine Engine, IKnowledgeStore Store, IBlobStore Blobs, Func<CancellationToken, Task<int>> Rebuild)> OpenTargetAsync(
        string target, string? targetBlobPath, bool durable, CancellationToken cancellationToken)
    {
        if (IsPostgres(target))
        {
            if (string.IsNullOrWhiteSpace(targetBlobPath))
            {
                throw new InvalidOperationException("--blobs <folder> is required for a PostgreSQL target: the folder every process of that base will read originals from");
            }

            string connection;
            try
            {
                connection = PostgresConnectionString.Normalize(target);
            }
            catch (FormatException exception)
            {
                throw new InvalidOperationException($"--to: {exception.Message}", exception);
            }

            var postgres = new PostgresItemStore(new PostgresStoreOptions(connection));
            await postgres.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return (MigrationEngine.Postgres(connection, postgres.Describe()), postgres, new FileBlobStore(Path.GetFullPath(targetBlobPath), durable),
                async token =>
                {
                    await postgres.ResetIdentitiesAsync(token).ConfigureAwait(false);
                    return await postgres.RebuildSearchIndexAsync(token).ConfigureAwait(false);
                });
        }

        var data = new DataDirectory(Path.GetFullPath(target));
        Directory.CreateDirectory(data.Root);
        var sqlite = new SqliteItemStore(data.DatabasePath);
        await sqlite.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var blobPath = string.IsNullOrWhiteSpace(targetBlobPath) ? data.BlobsPath : Path.GetFullPath(targetBlobPath);
        // The ranked keyword index is rebuilt from the copied items (FTS5 is retired once it is complete).
        return (MigrationEngine.Sqlite(data.DatabasePath), sqlite, new PackBlobStore(blobPath, durable), token => sqlite.RebuildRankedIndexAsync(null, token));
    }

    private static async Task<(int Copied, int Checked, IReadOnlyList<string> Missing)> CopyBlobsAsync(
        IItemStore store, IBlobStore from, IBlobStore to, CancellationToken cancellationToken)
    {
        var copied = 0;
        var present = 0;
        var missing = new List<string>();
        foreach (var hash in (await store.ListReferencedHashesAsync(cancellationToken).ConfigureAwait(false)).Order(StringComparer.Ordinal))
        {
            if (!to.Exists(hash))
            {
                if (!from.Exists(hash))
                {
                    missing.Add(hash);
                    continue;
                }

                var written = await to.PutAsync(await from.ReadAsync(hash, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                if (written != hash)
                {
                    missing.Add(hash); // the source's bytes no longer match their name: reported, not copied as good
                    continue;
                }

                copied++;
            }

            present++;
        }

        await to.SyncAsync(cancellationToken).ConfigureAwait(false);
        return (copied, present, missing);
    }

    /// <summary>Whether <paramref name="target"/> names a PostgreSQL base (a URL or a connection string) rather than a folder.</summary>
    public static bool IsPostgres(string target) =>
        target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || target.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
