namespace Strata.Storage.Postgres;

/// <summary>
/// Versioned migrations of the PostgreSQL schema; entry <c>i</c> takes the base from version i to i + 1 and is
/// recorded in <c>schema_migrations</c>. Append only. Times are the same fixed-width UTC text as on SQLite
/// (<see cref="PostgresTime"/>), so rows copy between the engines unchanged and compare the same way.
/// </summary>
internal static partial class PostgresSchema
{
    public const string VersionTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())";

    /// <summary>The advisory lock key that serialises migrations when several processes start at once.</summary>
    public const long MigrationLock = 0x5354_5241_5441; // "STRATA"

    public static readonly string[] Migrations =
    [
        Initial,
        Enrich,
        Semantic,
        Summaries,
        Web,
        Memory,
        Search,
        Grams,
    ];
}
