namespace Strata.Storage.Sqlite;

internal static partial class SqliteSchema
{
    /// <summary>Highlights on items, API tokens (hashed) and (the password hash lives in the existing settings table).</summary>
    internal const string Web = """
        CREATE TABLE highlights (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            text TEXT NOT NULL,
            note TEXT,
            start INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE INDEX ix_highlights_item ON highlights(item_rowid);

        CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            secret_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            last_used_at TEXT
        );
        """;
}
