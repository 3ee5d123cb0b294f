using Strata.Storage.Conformance;
using Strata.Testing.Postgres;
using Xunit;

namespace Strata.Storage.Postgres.Tests;

/// <summary>The shared store contract on a real PostgreSQL: one database for the class, a fresh schema per store.</summary>
public sealed class PostgresStoreConformanceTests(PostgresDatabase database) : StoreConformanceTests<PostgresItemStore>, IClassFixture<PostgresDatabase>
{
    protected override async Task<PostgresItemStore> CreateStoreAsync()
    {
        var store = new PostgresItemStore(new PostgresStoreOptions(await database.CreateSchemaAsync()));
        await store.MigrateAsync(None);
        return store;
    }
}
