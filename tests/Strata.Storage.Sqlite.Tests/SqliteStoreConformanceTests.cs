using Strata.Storage.Conformance;
using Strata.Testing.Files;

namespace Strata.Storage.Sqlite.Tests;

/// <summary>The shared store contract on a fresh SQLite file per test.</summary>
public sealed class SqliteStoreConformanceTests : StoreConformanceTests<SqliteItemStore>, IDisposable
{
    private readonly TempDirectory _directory = new("strata-conformance");
    private int _stores;

    protected override async Task<SqliteItemStore> CreateStoreAsync()
    {
        var store = new SqliteItemStore(_directory.Combine($"strata-{_stores++}.db"));
        await store.MigrateAsync(None);
        return store;
    }

    public void Dispose() => _directory.Dispose();
}
