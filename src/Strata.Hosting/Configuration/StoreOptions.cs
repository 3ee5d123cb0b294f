namespace Strata.Hosting.Configuration;

/// <summary>Which engine holds the knowledge base, and where originals go.</summary>
public sealed class StoreOptions
{
    /// <summary>The environment variable read for the PostgreSQL connection when <see cref="ConnectionString"/> is empty.</summary>
    public const string PostgresEnvironmentVariable = "STRATA_POSTGRES";

    /// <summary><see cref="StoreProvider.Sqlite"/> (one file in the data directory, the default) or <see cref="StoreProvider.Postgres"/>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// The PostgreSQL connection: an Npgsql connection string or a <c>postgres://</c> URL. Keep it out of
    /// <c>strata.json</c>: set <c>STRATA__STORE__CONNECTIONSTRING</c> or <c>STRATA_POSTGRES</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder originals go to; every process of one base must see the same folder. Default: the data directory's <c>blobs</c>.</summary>
    public string? BlobPath { get; set; }

    /// <summary>Where originals go: <see cref="BlobStoreKind.File"/> (under <see cref="BlobPath"/>, the default) or <see cref="BlobStoreKind.S3"/>.</summary>
    public BlobStoreKind Blobs { get; set; } = BlobStoreKind.File;

    /// <summary>The bucket used when <see cref="Blobs"/> is <see cref="BlobStoreKind.S3"/>.</summary>
    public S3Options S3 { get; set; } = new();

    /// <summary>How long a PostgreSQL worker owns claimed jobs before another may take them (its process died).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>PostgreSQL: how many matches keyword search ranks at most, the newest (see docs/postgres.md, "The search window").</summary>
    public int SearchWindow { get; set; } = 300;

    /// <summary>The configured connection, else <see cref="PostgresEnvironmentVariable"/>; null when neither is set.</summary>
    public string? ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString) ? NullIfBlank(Environment.GetEnvironmentVariable(PostgresEnvironmentVariable)) : ConnectionString;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Provider == StoreProvider.Postgres && ResolveConnectionString() is null)
        {
            problems.Add($"Store.Provider is postgres but no connection is set: set STRATA__STORE__CONNECTIONSTRING or {PostgresEnvironmentVariable}");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(10))
        {
            problems.Add("Store.LeaseDuration must be at least 00:00:10");
        }

        if (SearchWindow < 10)
        {
            problems.Add("Store.SearchWindow must be at least 10");
        }

        if (Blobs == BlobStoreKind.S3)
        {
            problems.AddRange(S3.Validate());
        }

        return problems;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>The engines a knowledge base can live on.</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file in the data directory, one worker at a time (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by any number of web and worker processes.</summary>
    Postgres,
}
