using Microsoft.Data.Sqlite;
using Strata.Core.Search;
using Strata.Core.Storage;
using Xunit;

namespace Strata.Storage.Sqlite.Tests;

public sealed class PooledConnectionTests
{
    [Fact]
    public async Task ConnectionReturnedToThePoolInsideATransaction_DoesNotBreakTheNextWriter()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        await fixture.AddIndexedAsync("first", "harbour lights at night");

        // A connection that goes back to the pool with a transaction still open (as a failed rollback would leave it).
        await using (var leaked = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fixture.DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true, DefaultTimeout = 30,
        }.ToString()))
        {
            await leaked.OpenAsync();
            await using var begin = leaked.CreateCommand();
            begin.CommandText = "BEGIN";
            await begin.ExecuteNonQueryAsync();
        }

        var item = await fixture.AddIndexedAsync("second", "boats in the harbour");

        var hits = await fixture.Store.SearchAsync(new SearchRequest(Fts5QueryBuilder.Build(SearchQueryParser.Parse("boats")), new ItemFilter()), CancellationToken.None);
        Assert.Equal([item.Id], hits.Select(hit => hit.Item.Id));
    }
}
