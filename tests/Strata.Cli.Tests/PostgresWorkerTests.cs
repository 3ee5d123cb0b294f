using Npgsql;
using Strata.Core.Extraction;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Storage.Postgres;
using Strata.Testing.Files;
using Strata.Testing.Postgres;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>Three <c>strata worker</c> processes on one PostgreSQL base; one is killed with SIGKILL mid-way.</summary>
public sealed class PostgresWorkerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Jobs = 2000;

    private readonly TempDirectory _directory = new("strata-pg-workers");

    [Fact]
    public async Task Worker_ThreeProcessesOneKilled_EveryJobCompletesExactlyOnce()
    {
        var connection = await database.CreateSchemaAsync();
        var blobs = _directory.Combine("shared-blobs");
        await QueueNotesAsync(connection, blobs);
        var environment = new Dictionary<string, string>
        {
            ["STRATA__STORE__PROVIDER"] = "postgres",
            ["STRATA_POSTGRES"] = connection,
            ["STRATA__STORE__BLOBPATH"] = blobs,
            // Short leases so the killed worker's jobs come back within the test.
            ["STRATA__STORE__LEASEDURATION"] = "00:00:10",
            ["STRATA__PIPELINE__BATCHSIZE"] = "25",
        };

        var workers = Enumerable.Range(0, 3)
            .Select(index => CliProcess.Start(_directory.Combine($"worker{index}"), false, environment, "worker", "--until-empty", "--idle", "0.5"))
            .ToArray();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (await CountAsync(connection, "SELECT count(*) FROM completions") < Jobs / 5 && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20);
            }

            Assert.False(workers[0].HasExited, "the first worker finished before it could be killed; queue more jobs");
            workers[0].Kill(entireProcessTree: true); // SIGKILL: no chance to release its leases
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            await Task.WhenAll(workers.Skip(1).Select(worker => worker.WaitForExitAsync(timeout.Token)));
        }
        finally
        {
            foreach (var worker in workers.Where(worker => !worker.HasExited))
            {
                worker.Kill(entireProcessTree: true);
            }
        }

        Assert.All(workers.Skip(1), worker => Assert.Equal(0, worker.ExitCode));
        Assert.Equal(Jobs, await CountAsync(connection, "SELECT count(*) FROM completions"));
        Assert.Equal(Jobs, await CountAsync(connection, "SELECT count(DISTINCT item_rowid) FROM completions"));
        Assert.Equal(0, await CountAsync(connection, "SELECT count(*) FROM jobs"));
        Assert.Equal(Jobs, await CountAsync(connection, $"SELECT count(*) FROM items WHERE state = {(int)ItemState.Indexed} AND error IS NULL"));
    }

    /// <summary>Stores 2,000 notes as collected items with queued jobs, and records every committed index write.</summary>
    private static async Task QueueNotesAsync(string connection, string blobs)
    {
        await using var store = new PostgresItemStore(new PostgresStoreOptions(connection));
        await store.MigrateAsync(CancellationToken.None);
        var files = new FileBlobStore(blobs, durable: false);
        var items = new List<NewItem>(Jobs);
        for (var index = 0; index < Jobs; index++)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes($"# Note {index}\n\nWorker test note number {index} with the marker zq{index}x.\n");
            var hash = await files.PutAsync(bytes, CancellationToken.None);
            var now = DateTimeOffset.UtcNow;
            items.Add(new NewItem(
                new Item { Id = Ulid.NewUlid().ToString(), Kind = ItemKind.Note, State = ItemState.Collected, ContentHash = hash, ByteSize = bytes.Length, MediaType = MediaTypes.Markdown, CollectedAt = now, UpdatedAt = now },
                new SnapshotInfo(hash, MediaTypes.Markdown, bytes.Length, now, "test")));
        }

        foreach (var batch in items.Chunk(500))
        {
            await store.InsertAsync(batch, CancellationToken.None);
        }

        // Test instrumentation: a row per committed index write (a rolled-back batch leaves none).
        await ExecuteAsync(connection,
            "CREATE TABLE completions (item_rowid bigint NOT NULL); " +
            "CREATE FUNCTION record_completion() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO completions VALUES (NEW.item_rowid); RETURN NEW; END $$; " +
            "CREATE TRIGGER search_index_completion AFTER INSERT OR UPDATE ON search_index FOR EACH ROW EXECUTE FUNCTION record_completion()");
    }

    private static async Task<long> CountAsync(string connection, string sql)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _directory.Dispose();
}
