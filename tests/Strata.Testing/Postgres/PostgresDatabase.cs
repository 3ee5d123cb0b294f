using Npgsql;
using Xunit;

namespace Strata.Testing.Postgres;

/// <summary>
/// A fresh database on the shared test cluster for one test class (use as <c>IClassFixture</c>); dropped afterwards.
/// Fails with one clear message when PostgreSQL is not installed (run ./test.sh).
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public string Name { get; private set; } = string.Empty;

    public string ConnectionString => Cluster.ConnectionString(Name);

    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("the database is not created yet");

    /// <summary>A connection string whose search path is a new empty schema, so each test starts from nothing.</summary>
    public async Task<string> CreateSchemaAsync(CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = $"t_{Guid.NewGuid():N}" };
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {builder.SearchPath}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return builder.ToString();
    }

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.AcquireAsync();
        Name = await _cluster.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is null)
        {
            return;
        }

        try
        {
            if (Name.Length > 0)
            {
                await _cluster.DropDatabaseAsync(Name);
            }
        }
        finally
        {
            await PostgresCluster.ReleaseAsync();
        }
    }
}
