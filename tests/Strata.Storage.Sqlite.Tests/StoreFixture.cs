using Strata.Core.Items;
using Strata.Core.Search;
using Strata.Core.Storage;
using Strata.Testing.Files;

namespace Strata.Storage.Sqlite.Tests;

/// <summary>A real SQLite file in a temporary folder, migrated; one per test.</summary>
public sealed class StoreFixture : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("strata-store");

    private StoreFixture() => Store = new SqliteItemStore(Path.Combine(_directory.Path, "strata.db"));

    public SqliteItemStore Store { get; }

    public string DatabasePath => Store.DatabasePath;

    /// <param name="keepFts5">
    /// Keep FTS5 maintained beside the complete ranked index (a new base retires it): the reference the ranked index
    /// tests compare with, and the state of a base made before the ranked index.
    /// </param>
    public static async Task<StoreFixture> CreateAsync(bool keepFts5 = false)
    {
        var fixture = new StoreFixture();
        await fixture.Store.MigrateAsync(CancellationToken.None);
        if (keepFts5)
        {
            await fixture.ExecuteAsync("DELETE FROM settings WHERE key = 'search.fts'");
        }

        return fixture;
    }

    /// <summary>Runs SQL on the base outside the store (to set up states a test needs).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of a query run outside the store.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public static Item NewItem(string? title = null, string? hash = null, ItemState state = ItemState.Collected, string? canonicalUrl = null) => new()
    {
        Id = Ulid.NewUlid().ToString(),
        Kind = ItemKind.File,
        State = state,
        Title = title,
        ContentHash = hash ?? Guid.NewGuid().ToString("N"),
        CanonicalUrl = canonicalUrl,
        CollectedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Inserts an item, then runs it through a fake "pipeline pass" that indexes <paramref name="text"/>.</summary>
    public async Task<Item> AddIndexedAsync(string title, string text, params string[] tags)
    {
        var item = NewItem(title) with { Tags = tags.Select(tag => new ItemTag(tag)).ToArray() };
        await Store.InsertAsync([new NewItem(item, null)], CancellationToken.None);
        var claimed = await Store.ClaimJobsAsync(100, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        var mine = claimed.Single(candidate => candidate.Id == item.Id);
        var done = mine with { State = ItemState.Indexed, Text = text };
        var index = new IndexDocument(SearchTextAnalyzer.ToIndexText(title), SearchTextAnalyzer.ToIndexText(text), SearchTextAnalyzer.ToIndexText(string.Join(' ', tags)));
        await Store.CompleteJobsAsync([new ProcessedItem(done, index, null)], CancellationToken.None);
        return done;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
