using Microsoft.Data.Sqlite;
using Strata.Hosting.Ingest;
using Xunit;

namespace Strata.Hosting.Tests;

/// <summary>Items a crashed run marked indexed but left pending in the ranked index are searchable once the base is opened again.</summary>
public sealed class KnowledgeBasePendingIndexTests
{
    [Fact]
    public async Task Opening_IndexesWhatACrashedRunLeftPending_WhenNoRunHoldsTheQueue()
    {
        await using var fixture = await KnowledgeBaseFixture.CreateAsync();
        fixture.Input("notes/a.md", "# Lighthouses\n\nThe keeper trims the lamp wick at dusk.");
        fixture.Input("notes/b.md", "# Harbours\n\nA lighthouse keeper logs every passing ship.");
        await fixture.Kb.AddAsync([fixture.Inputs], new AddOptions(), null, CancellationToken.None);
        Assert.Equal(2, (await fixture.Kb.SearchAsync("keeper", 10, CancellationToken.None)).Count);

        // What a run killed before writing its segment leaves: the items indexed, their documents still pending.
        await using (var connection = new SqliteConnection($"Data Source={fixture.Data.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE search_documents SET segment = -1";
            Assert.Equal(2, await command.ExecuteNonQueryAsync());
        }

        using (Queue.WorkerLock.TryAcquire(fixture.Data.QueueLockPath))
        {
            // Another process's run holds the queue: its pending documents are its own to write.
            await fixture.ReopenAsync();
            Assert.Empty(await fixture.Kb.SearchAsync("keeper", 10, CancellationToken.None));
        }

        await fixture.ReopenAsync();

        Assert.Equal(2, (await fixture.Kb.SearchAsync("keeper", 10, CancellationToken.None)).Count);
    }
}
