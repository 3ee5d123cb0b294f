namespace Strata.Storage.Postgres;

internal static partial class PostgresSchema
{
    /// <summary>
    /// Keyword search with the common filters (<c>kind:</c>, <c>lang:</c>): an index on each lets the planner start
    /// from the few items a selective filter keeps instead of testing every match of a frequent word.
    /// </summary>
    private const string Search = """
        CREATE INDEX ix_items_kind ON items(kind);
        CREATE INDEX ix_items_language ON items(language);
        """;
}
