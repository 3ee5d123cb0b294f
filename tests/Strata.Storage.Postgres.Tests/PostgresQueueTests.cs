using System.Collections.Concurrent;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Storage.Conformance;
using Strata.Testing.Postgres;
using Xunit;

namespace Strata.Storage.Postgres.Tests;

/// <summary>The leased queue with many workers on one base: no job claimed twice, a dead worker's jobs come back.</summary>
public sealed class PostgresQueueTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ClaimJobsAsync_FourConcurrentWorkers_EachJobClaimedAndCompletedExactlyOnce()
    {
        var connection = await database.CreateSchemaAsync();
        var workers = Enumerable.Range(0, 4).Select(_ => new PostgresItemStore(new PostgresStoreOptions(connection))).ToArray();
        await workers[0].MigrateAsync(None);
        var items = Enumerable.Range(0, 600).Select(index => new NewItem(ConformanceItems.NewItem($"job {index}"), null)).ToArray();
        foreach (var batch in items.Chunk(100))
        {
            await workers[0].InsertAsync(batch, None);
        }

        var claims = new ConcurrentBag<(int Worker, string Id)>();
        await Task.WhenAll(workers.Select((worker, number) => Task.Run(async () =>
        {
            while (true)
            {
                var claimed = await worker.ClaimJobsAsync(7, DateTimeOffset.UtcNow.AddSeconds(1), None);
                if (claimed.Count == 0)
                {
                    return;
                }

                foreach (var item in claimed)
                {
                    claims.Add((number, item.Id));
                }

                await worker.CompleteJobsAsync([.. claimed.Select(item => new ProcessedItem(item with { State = ItemState.Indexed, Title = $"done by {number}" }, null, null))], None);
            }
        })));

        Assert.Equal(600, claims.Count);
        Assert.Equal(600, claims.Select(claim => claim.Id).Distinct().Count());
        Assert.True(claims.Select(claim => claim.Worker).Distinct().Count() > 1, "the work was shared between workers");
        Assert.Equal(0, await workers[0].CountPendingJobsAsync(None));
        var listed = await workers[0].ListAsync(new ItemFilter { Limit = 1000 }, None);
        Assert.All(listed, item => Assert.Equal(ItemState.Indexed, item.State));
        var byId = claims.ToDictionary(claim => claim.Id, claim => claim.Worker);
        Assert.All(listed, item => Assert.Equal($"done by {byId[item.Id]}", item.DisplayTitle));
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }
    }

    [Fact]
    public async Task ClaimJobsAsync_AfterLeaseExpires_AnotherWorkerReclaimsAndTheFirstCannotComplete()
    {
        var connection = await database.CreateSchemaAsync();
        var lease = TimeSpan.FromMinutes(1);
        await using var dead = new PostgresItemStore(new PostgresStoreOptions(connection, lease));
        await using var alive = new PostgresItemStore(new PostgresStoreOptions(connection, lease));
        await dead.MigrateAsync(None);
        var item = ConformanceItems.NewItem("leased", collectedAt: Start);
        await dead.InsertAsync([new NewItem(item, null)], None);

        var first = await dead.ClaimJobsAsync(10, DateTimeOffset.UtcNow, None);
        var whileLeased = await alive.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(30), None);
        var afterExpiry = await alive.ClaimJobsAsync(10, DateTimeOffset.UtcNow.Add(lease).AddSeconds(5), None);
        await alive.CompleteJobsAsync([new ProcessedItem(afterExpiry[0] with { State = ItemState.Indexed, Title = "by the live worker" }, null, null)], None);
        // The first worker wakes up and finishes late: its result must not land.
        await dead.CompleteJobsAsync([new ProcessedItem(first[0] with { State = ItemState.Indexed, Title = "by the dead worker" }, null, null)], None);

        Assert.Single(first);
        Assert.Empty(whileLeased);
        Assert.Equal(item.Id, Assert.Single(afterExpiry).Id);
        Assert.Equal("by the live worker", (await alive.GetAsync(item.Id, None))!.Title);
        Assert.Equal(0, await alive.CountPendingJobsAsync(None));
    }

    [Fact]
    public async Task RecoverInterruptedJobsAsync_ReclaimsOnlyExpiredLeases()
    {
        var connection = await database.CreateSchemaAsync();
        var clock = new ManualClock(Start.AddMinutes(-20));
        await using var store = new PostgresItemStore(new PostgresStoreOptions(connection, TimeSpan.FromMinutes(5)), clock);
        await using var patient = new PostgresItemStore(new PostgresStoreOptions(connection, TimeSpan.FromMinutes(30)), clock);
        await store.MigrateAsync(None);
        await store.InsertAsync([new NewItem(ConformanceItems.NewItem("old", collectedAt: Start.AddHours(-1)), null)], None);
        Assert.Single(await store.ClaimJobsAsync(10, Start.AddMinutes(-10), None)); // leased until 5 minutes before Start
        await store.InsertAsync([new NewItem(ConformanceItems.NewItem("fresh", collectedAt: Start.AddHours(-1)), null)], None);
        Assert.Single(await patient.ClaimJobsAsync(10, Start.AddMinutes(-7), None)); // leased until 23 minutes after Start
        clock.Now = Start;

        Assert.Equal(1, await store.RecoverInterruptedJobsAsync(None));
        clock.Now = Start.AddMinutes(30);
        Assert.Equal(1, await store.RecoverInterruptedJobsAsync(None));
        Assert.Equal(2, (await store.ClaimJobsAsync(10, clock.Now, None)).Count);
    }

    [Fact]
    public async Task MigrateAsync_ManyProcessesAtOnce_MigratesOnceAndRecordsVersions()
    {
        var connection = await database.CreateSchemaAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresItemStore(new PostgresStoreOptions(connection))).ToArray();

        await Task.WhenAll(stores.Select(store => store.MigrateAsync(None)));

        await using var check = new Npgsql.NpgsqlConnection(connection);
        await check.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*), max(version) FROM schema_migrations", check);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(PostgresItemStore.SchemaVersion, reader.GetInt64(0));
        Assert.Equal(PostgresItemStore.SchemaVersion, reader.GetInt32(1));
        Assert.Equal(VectorSearchPath.ExactScan, stores[0].VectorPath);
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }
}
