namespace Strata.Storage.Sqlite;

internal static partial class SqliteSchema
{
    /// <summary>
    /// FTS5 retires where the ranked keyword index is complete (see <c>LegacyFts5</c>): a new base, or one already
    /// indexed in the current format, drops FTS5's contents and never writes it again. A base still waiting for
    /// <c>strata reindex</c> keeps FTS5 until the rebuild completes the ranked index and retires it then.
    /// </summary>
    internal const string Fts5Retirement = """
        INSERT INTO search_fts (search_fts) SELECT 'delete-all'
            WHERE EXISTS (SELECT 1 FROM settings WHERE key = 'search.keyword_index' AND value = 'common-grams-1');
        INSERT OR REPLACE INTO settings (key, value) SELECT 'search.fts', 'retired'
            WHERE EXISTS (SELECT 1 FROM settings WHERE key = 'search.keyword_index' AND value = 'common-grams-1');
        """;
}
