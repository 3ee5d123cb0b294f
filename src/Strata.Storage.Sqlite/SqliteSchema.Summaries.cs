namespace Strata.Storage.Sqlite;

internal static partial class SqliteSchema
{
    /// <summary>Summaries (one per item and method), stored digests with their items, the model ledger and the prompt cache.</summary>
    internal const string Summaries = """
        CREATE TABLE summaries (
            item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            method TEXT NOT NULL,
            model TEXT,
            text TEXT NOT NULL,
            key_points TEXT,
            created_at TEXT NOT NULL,
            PRIMARY KEY (item_rowid, method)
        ) WITHOUT ROWID;

        CREATE TABLE digests (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            window_start TEXT NOT NULL,
            window_end TEXT NOT NULL,
            tag TEXT,
            markdown TEXT NOT NULL,
            html TEXT NOT NULL,
            delivered_to TEXT
        );
        CREATE INDEX ix_digests_created ON digests(created_at);

        CREATE TABLE digest_items (
            digest_rowid INTEGER NOT NULL REFERENCES digests(rowid) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            top_story INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (digest_rowid, item_id)
        ) WITHOUT ROWID;

        CREATE TABLE model_ledger (
            rowid INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            purpose TEXT NOT NULL,
            input_tokens INTEGER NOT NULL,
            output_tokens INTEGER NOT NULL,
            latency_ms INTEGER NOT NULL,
            cost TEXT NOT NULL,
            cached INTEGER NOT NULL DEFAULT 0,
            counted INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_model_ledger_purpose_at ON model_ledger(purpose, at);
        CREATE INDEX ix_model_ledger_at ON model_ledger(at);

        CREATE TABLE model_cache (
            key TEXT PRIMARY KEY,
            model TEXT NOT NULL,
            response TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """;
}
