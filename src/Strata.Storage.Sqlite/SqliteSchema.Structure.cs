namespace Strata.Storage.Sqlite;

internal static partial class SqliteSchema
{
    /// <summary>Near-duplicates the user took apart stay apart (<c>strata dupes --unfold</c>).</summary>
    private const string Structure =
        """
        ALTER TABLE items ADD COLUMN dup_unfolded INTEGER NOT NULL DEFAULT 0;
        """;
}
