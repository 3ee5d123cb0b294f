namespace Strata.Storage.Postgres;

/// <summary>How to reach the base and how long a worker owns a claimed job.</summary>
/// <param name="ConnectionString">An Npgsql connection string (<c>Host=...;Database=...;Username=...</c>).</param>
/// <param name="LeaseDuration">
/// How long a claimed job stays with its worker; after that another worker may claim it (a dead worker's jobs
/// come back). Longer than the slowest pipeline batch, or a live worker loses jobs it is still working on.
/// </param>
public sealed record PostgresStoreOptions(string ConnectionString, TimeSpan LeaseDuration)
{
    /// <summary>Five minutes: a pipeline batch takes seconds; a dead worker's jobs wait at most this long.</summary>
    public static TimeSpan DefaultLeaseDuration { get; } = TimeSpan.FromMinutes(5);

    public PostgresStoreOptions(string connectionString)
        : this(connectionString, DefaultLeaseDuration)
    {
    }
}
