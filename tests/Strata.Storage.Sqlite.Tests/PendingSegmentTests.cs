using Microsoft.Data.Sqlite;
using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

/// <summary>
/// Deferred index writes (a pipeline run's batches filling one segment in memory): the items are searchable once
/// flushed, rank exactly as if indexed batch by batch, and nothing is lost to a crash, a re-index or a delete
/// while they wait.
/// </summary>
public sealed class PendingSegmentTests
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa", "lambda", "sigma", "omega"];
    private static readonly string[] Queries = ["alpha", "omega", "kappa lambda", "\"alpha beta\"", "\"beta alpha gamma\"", "alpha -beta"];

    [Fact]
    public async Task DeferredBatches_AreSearchableOnlyAfterTheFlush_AndRankLikeBatchByBatch()
    {
        var random = new Random(3);
        var texts = Enumerable.Range(0, 200).Select(_ => string.Join(' ', Enumerable.Range(0, 30).Select(_ => Words[random.Next(Words.Length)]))).ToArray();
        await using var immediate = await StoreFixture.CreateAsync();
        await using var deferred = await StoreFixture.CreateAsync();
        await CompleteInBatchesAsync(immediate, texts, batch: 7, IndexWrites.Immediate);
        await CompleteInBatchesAsync(deferred, texts, batch: 7, IndexWrites.Deferred);

        Assert.Empty(await SearchAsync(deferred, "alpha"));
        await deferred.Store.FlushIndexAsync(CancellationToken.None);

        foreach (var query in Queries)
        {
            var expected = await SearchAsync(immediate, query);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await SearchAsync(deferred, query));
        }

        Assert.Equal(1, Count(deferred, "SELECT count(*) FROM search_segments"));
        Assert.True(Count(immediate, "SELECT count(*) FROM search_segments") > 1);
    }

    [Fact]
    public async Task DocumentsLeftPending_ByACrash_AreIndexedByTheNextRecovery()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var texts = Enumerable.Range(0, 20).Select(i => $"harbour lights number {i}").ToArray();
        await CompleteInBatchesAsync(fixture, texts, batch: 5, IndexWrites.Deferred);

        // A second store on the same file is the process that starts after the crash: the first never flushed.
        await using var restarted = new SqliteItemStore(fixture.DatabasePath);
        Assert.Equal(20, Count(fixture, "SELECT count(*) FROM search_documents WHERE segment = -1"));
        Assert.Empty(await restarted.SearchAsync(Request("harbour", 50), CancellationToken.None));

        await restarted.RecoverInterruptedJobsAsync(CancellationToken.None);

        Assert.Equal(20, (await restarted.SearchAsync(Request("harbour", 50), CancellationToken.None)).Count);
        Assert.Equal(0, Count(fixture, "SELECT count(*) FROM search_documents WHERE segment = -1"));
    }

    [Fact]
    public async Task ReindexedOrDeletedWhilePending_LeaveOnlyTheLatestText()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var texts = Enumerable.Range(0, 10).Select(i => $"original words {i} and copper").ToArray();
        var items = await CompleteInBatchesAsync(fixture, texts, batch: 10, IndexWrites.Deferred);

        // Item 3 comes back (re-extracted) into the same run: it sits below the segment's last document.
        var again = await fixture.Store.RequeueForReprocessAsync([items[3].Id], CancellationToken.None);
        Assert.Equal(1, again);
        var claimed = (await fixture.Store.ClaimJobsAsync(10, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None)).Single();
        await fixture.Store.CompleteJobsAsync([Processed(claimed, "rewritten with zinc")], IndexWrites.Deferred, CancellationToken.None);
        await fixture.Store.DeleteAsync(items[5].Id, CancellationToken.None);
        await fixture.Store.FlushIndexAsync(CancellationToken.None);

        Assert.Equal([items[3].Title], (await SearchAsync(fixture, "zinc")).Select(hit => hit.Title));
        var copper = (await SearchAsync(fixture, "copper")).Select(hit => hit.Title).ToArray();
        Assert.Equal(8, copper.Length);
        Assert.DoesNotContain(items[3].Title, copper);
        Assert.DoesNotContain(items[5].Title, copper);
    }

    [Fact]
    public async Task AFullSegment_IsWrittenBeforeTheRunEnds()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var texts = Enumerable.Range(0, Ranking.PendingSegment.FlushDocuments + 100).Select(i => $"tide {i}").ToArray();
        await CompleteInBatchesAsync(fixture, texts, batch: 512, IndexWrites.Deferred);

        Assert.Equal(Ranking.PendingSegment.FlushDocuments + 100, Count(fixture, "SELECT count(*) FROM search_documents"));
        Assert.True(Count(fixture, "SELECT count(*) FROM search_documents WHERE segment > 0") >= Ranking.PendingSegment.FlushDocuments);
        await fixture.Store.FlushIndexAsync(CancellationToken.None);
        Assert.Equal(0, Count(fixture, "SELECT count(*) FROM search_documents WHERE segment <= 0"));
    }

    private static async Task<Item[]> CompleteInBatchesAsync(StoreFixture fixture, string[] texts, int batch, IndexWrites writes)
    {
        var items = texts.Select((text, i) => StoreFixture.NewItem($"doc {i}") with { Text = text }).ToArray();
        await fixture.Store.InsertAsync(items.Select(item => new NewItem(item, null)).ToArray(), CancellationToken.None);
        var byId = items.ToDictionary(item => item.Id);
        while ((await fixture.Store.ClaimJobsAsync(batch, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None)) is { Count: > 0 } claimed)
        {
            await fixture.Store.CompleteJobsAsync([.. claimed.Select(item => Processed(item, byId[item.Id].Text!))], writes, CancellationToken.None);
        }

        return items;
    }

    private static ProcessedItem Processed(Item item, string text) =>
        new(item with { State = ItemState.Indexed, Text = text }, IndexStep.Describe(item.Title, text, []), null);

    /// <summary>Titles with scores rounded: two stores give their items different ids.</summary>
    private static async Task<List<(string Title, double Score)>> SearchAsync(StoreFixture fixture, string text) =>
        [.. (await fixture.Store.SearchAsync(Request(text, 500), CancellationToken.None)).Select(hit => (hit.Item.DisplayTitle, Math.Round(hit.Score, 6)))];

    private static SearchRequest Request(string text, int limit) => new(Fts5QueryBuilder.Build(SearchQueryParser.Parse(text)), new ItemFilter { Limit = limit });

    private static long Count(StoreFixture fixture, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
