using System.Security.Cryptography;
using Strata.Core.Storage;
using Strata.Hosting.Configuration;
using Strata.Storage.Postgres;
using Strata.Storage.S3;
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
    /// <param name="targetBlobPath">Where the target's originals go (required for PostgreSQL; default for SQLite: its data
    /// directory's blobs): a folder, or <see cref="S3Target"/> for the bucket <paramref name="s3"/> describes.</param>
    /// <param name="s3">The bucket settings (<c>Store.S3</c>) used when <paramref name="targetBlobPath"/> is <see cref="S3Target"/>.</param>
    /// <param name="durable">Flush copied originals to disk.</param>
    /// <param name="progress">One line per step.</param>
    /// <param name="cancellationToken">Stops between rows.</param>
    public static async Task<MigrationReport> RunAsync(
        MigrationEngine source, IBlobStore sourceBlobs, IItemStore sourceStore, string target, string? targetBlobPath, S3Options s3, bool durable,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var targetBlobs = await OpenTargetBlobsAsync(target, targetBlobPath, s3, durable, cancellationToken).ConfigureAwait(false);
        (MigrationEngine, IKnowledgeStore, IBlobStore, Func<CancellationToken, Task<int>>) opened;
        try
        {
            opened = await OpenTargetAsync(target, targetBlobs, cancellationToken).ConfigureAwait(false);
        }
        catch when (targetBlobs is IAsyncDisposable)
        {
            await ((IAsyncDisposable)targetBlobs).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var (engine, store, blobs, rebuild) = opened;
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

            var (blobsCopied, missing) = await CopyBlobsAsync(sourceStore, sourceBlobs, blobs, progress, cancellationToken).ConfigureAwait(false);
            var (blobsChecked, damaged) = await VerifyBlobsAsync(sourceStore, blobs, missing, cancellationToken).ConfigureAwait(false);
            progress?.Report($"originals: {blobsCopied} copied, {blobsChecked} read back from the target with the right SHA-256, {damaged.Count} damaged");
            var indexed = await rebuild(cancellationToken).ConfigureAwait(false);
            progress?.Report($"keyword index: {indexed} item(s) indexed");

            var tables = new List<TableMigration>();
            foreach (var table in MigrationTables.All)
            {
                var (from, to) = await copier.DigestAsync(table, cancellationToken).ConfigureAwait(false);
                tables.Add(new TableMigration(table.Name, copied[table.Name], from.Rows, to.Rows, from.Value, to.Value));
            }

            return new MigrationReport(engine.Name, tables, blobsCopied, blobsChecked, missing, indexed) { DamagedBlobs = damaged };
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

    /// <summary>The <c>--blobs</c> value that sends the target's originals to the configured S3-compatible bucket.</summary>
    public const string S3Target = "s3";

    /// <summary>The target's originals: the configured bucket for <see cref="S3Target"/>, else a folder (null: the SQLite target's own).</summary>
    private static async Task<IBlobStore?> OpenTargetBlobsAsync(string target, string? targetBlobPath, S3Options s3, bool durable, CancellationToken cancellationToken)
    {
        if (string.Equals(targetBlobPath, S3Target, StringComparison.OrdinalIgnoreCase))
        {
            var problems = s3.Validate();
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"--blobs s3 copies originals to the bucket Store.S3 describes: {problems[0].Replace("Store.Blobs is s3 but ", string.Empty, StringComparison.Ordinal)}");
            }

            return await StoreFactory.OpenBucketAsync(s3, cancellationToken).ConfigureAwait(false);
        }

        if (IsPostgres(target))
        {
            return string.IsNullOrWhiteSpace(targetBlobPath)
                ? throw new InvalidOperationException("--blobs <folder> (or --blobs s3) is required for a PostgreSQL target: where every process of that base will read originals from")
                : new FileBlobStore(Path.GetFullPath(targetBlobPath), durable);
        }

        return string.IsNullOrWhiteSpace(targetBlobPath) ? null : new PackBlobStore(Path.GetFullPath(targetBlobPath), durable);
    }

    private static async Task<(MigrationEngine Engine, IKnowledgeStore Store, IBlobStore Blobs, Func<CancellationToken, Task<int>> Rebuild)> OpenTargetAsync(
        string target, IBlobStore? blobs, CancellationToken cancellationToken)
    {
        if (IsPostgres(target))
        {
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
            return (MigrationEngine.Postgres(connection, postgres.Describe()), postgres, blobs!,
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
        // The ranked keyword index is rebuilt from the copied items (FTS5 is retired once it is complete).
        return (MigrationEngine.Sqlite(data.DatabasePath), sqlite, blobs ?? new PackBlobStore(data.BlobsPath, durable: true), token => sqlite.RebuildRankedIndexAsync(null, token));
    }

    /// <summary>
    /// Copies every referenced original the target lacks (a bucket answers one <c>HEAD</c> per original), so a run
    /// after an interruption copies only the rest. Bytes that no longer match their name are reported, not copied.
    /// </summary>
    private static async Task<(int Copied, List<string> Missing)> CopyBlobsAsync(
        IItemStore store, IBlobStore from, IBlobStore to, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var copied = 0;
        var missing = new List<string>();
        foreach (var hash in (await store.ListReferencedHashesAsync(cancellationToken).ConfigureAwait(false)).Order(StringComparer.Ordinal))
        {
            if (!await ExistsAsync(to, hash, cancellationToken).ConfigureAwait(false))
            {
                if (!await ExistsAsync(from, hash, cancellationToken).ConfigureAwait(false))
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

                if (++copied % 1000 == 0)
                {
                    // Written before it is reported: a bucket's PUT is durable when it returns, files are synced here.
                    await to.SyncAsync(cancellationToken).ConfigureAwait(false);
                    progress?.Report($"originals: {copied} copied so far");
                }
            }
        }

        await to.SyncAsync(cancellationToken).ConfigureAwait(false);
        return (copied, missing);
    }

    /// <summary>
    /// The count-and-hash check of the originals: every referenced original (those missing from the source aside) is
    /// read back from the target and its SHA-256 compared with its name. Returns how many are intact and which are not.
    /// </summary>
    private static async Task<(int Intact, IReadOnlyList<string> Damaged)> VerifyBlobsAsync(
        IItemStore store, IBlobStore target, IReadOnlyList<string> missing, CancellationToken cancellationToken)
    {
        var skip = missing.ToHashSet(StringComparer.Ordinal);
        var intact = 0;
        var damaged = new List<string>();
        foreach (var hash in (await store.ListReferencedHashesAsync(cancellationToken).ConfigureAwait(false)).Order(StringComparer.Ordinal))
        {
            if (skip.Contains(hash))
            {
                continue;
            }

            try
            {
                var bytes = await target.ReadAsync(hash, cancellationToken).ConfigureAwait(false);
                if (Convert.ToHexStringLower(SHA256.HashData(bytes)) == hash)
                {
                    intact++;
                    continue;
                }
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException)
            {
                // FileNotFoundException, a bucket's "is damaged" or an unreachable endpoint: not intact either way.
            }

            damaged.Add(hash);
        }

        return (intact, damaged);
    }

    private static Task<bool> ExistsAsync(IBlobStore blobs, string hash, CancellationToken cancellationToken) =>
        blobs is S3BlobStore bucket ? bucket.ExistsAsync(hash, cancellationToken) : Task.FromResult(blobs.Exists(hash));

    /// <summary>Whether <paramref name="target"/> names a PostgreSQL base (a URL or a connection string) rather than a folder.</summary>
    public static bool IsPostgres(string target) =>
        target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || target.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
