using Npgsql;
using Strata.Core.Items;
using Strata.Core.Storage;
using Strata.Storage.Conformance;
using Strata.Testing.Postgres;
using Xunit;

namespace Strata.Storage.Postgres.Tests;

/// <summary>
/// Keyword search ranks at most <see cref="PostgresStoreOptions.SearchWindow"/> matches, the newest; fewer are all
/// ranked. Both physical plans (newest first off the key, or every match from the GIN index) give the same rows.
/// </summary>
public sealed class PostgresSearchWindowTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task SearchAsync_MoreMatchesThanTheWindow_RanksOnlyTheNewest()
    {
        var connection = await database.CreateSchemaAsync();
        await using var wide = new PostgresItemStore(new PostgresStoreOptions(connection));
        await wide.MigrateAsync(None);
        await wide.AddIndexedAsync("Orbit guide", "everything about the orbit");
        for (var index = 1; index <= 4; index++)
        {
            await wide.AddIndexedAsync($"Note {index}", $"a note that mentions the orbit once ({index})");
        }

        await using var narrow = new PostgresItemStore(new PostgresStoreOptions(connection) { SearchWindow = 3 });

        Assert.Equal("Orbit guide", (await wide.SearchTitlesAsync("orbit"))[0]);
        Assert.Equal(["Note 2", "Note 3", "Note 4"], (await narrow.SearchTitlesAsync("orbit", new ItemFilter { Limit = 3 })).Order());
        // Equal ranks keep rowid order.
        Assert.Equal(["Note 2", "Note 3"], await narrow.SearchTitlesAsync("orbit", new ItemFilter { Limit = 2 }));
        // A page past the window widens it: the window always holds the page asked for.
        Assert.Equal(5, (await narrow.SearchTitlesAsync("orbit", new ItemFilter { Limit = 5 })).Count);
    }

    [Fact]
    public async Task SearchAsync_FrequentWordAfterAnalyze_BothPlansRankTheSameWindow()
    {
        var connection = await database.CreateSchemaAsync();
        await using var store = new PostgresItemStore(new PostgresStoreOptions(connection) { SearchWindow = 20 });
        await store.MigrateAsync(None);
        for (var index = 0; index < 120; index++)
        {
            // Every item has "common"; every tenth has it three times, so it ranks higher.
            var text = index % 10 == 0 ? $"common common common item {index}" : $"common item {index} with filler words";
            await store.AddIndexedAsync(ConformanceItems.NewItem($"Item {index}") with { Kind = index % 2 == 0 ? ItemKind.Note : ItemKind.File }, text);
        }

        await using (var data = NpgsqlDataSource.Create(connection))
        await using (var analyze = data.CreateCommand("ANALYZE search_index; ANALYZE items"))
        {
            await analyze.ExecuteNonQueryAsync(None);
        }

        // "common" is in every row: the store scans newest first. The window is items 100-119; of them, 100 and 110 repeat the word.
        var frequent = await store.SearchTitlesAsync("common", new ItemFilter { Limit = 10 });
        // A filter makes the planner choose (GIN or filter first); the window is the newest 20 notes, 80-118 even.
        var filtered = await store.SearchTitlesAsync("common", new ItemFilter { Kinds = [ItemKind.Note], Limit = 10 });
        // An exclusion never scans; the same newest 20 rows (nothing excluded) come from the GIN index.
        var excluded = await store.SearchTitlesAsync("common -absent", new ItemFilter { Limit = 10 });

        Assert.Equal(["Item 100", "Item 110"], frequent.Take(2).Order());
        Assert.Equal(frequent, excluded);
        Assert.All(frequent, title => Assert.True(int.Parse(title[5..], System.Globalization.CultureInfo.InvariantCulture) >= 100, title));
        Assert.Equal(["Item 80", "Item 90", "Item 100", "Item 110"], filtered.Take(4));
    }
}
