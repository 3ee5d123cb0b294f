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

    /// <summary>See <see cref="SearchWindow"/>.</summary>
    public const int DefaultSearchWindow = 300;

    /// <summary>
    /// How many matches keyword search ranks at most: when more items match, the newest this many (highest rowid)
    /// are ranked and the rest are not considered. Fewer matches are all ranked (exact). Bounds the time a very
    /// frequent word costs; see docs/postgres.md.
    /// </summary>
    public int SearchWindow { get; init; } = DefaultSearchWindow;

    public PostgresStoreOptions(string connectionString)
        : this(connectionString, DefaultLeaseDuration)
    {
    }
}
