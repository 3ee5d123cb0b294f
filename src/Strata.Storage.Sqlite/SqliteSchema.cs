namespace Strata.Storage.Sqlite;

/// <summary>Versioned migrations; entry <c>i</c> takes <c>PRAGMA user_version</c> from i to i + 1. Append only.</summary>
internal static class SqliteSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE items (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            state INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'inbox',
            favourite INTEGER NOT NULL DEFAULT 0,
            url TEXT,
            canonical_url TEXT,
            source_path TEXT,
            title TEXT,
            byline TEXT,
            site_name TEXT,
            published_at TEXT,
            collected_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            language TEXT,
            content_hash TEXT,
            media_type TEXT,
            byte_size INTEGER NOT NULL DEFAULT 0,
            text TEXT,
            excerpt TEXT,
            word_count INTEGER NOT NULL DEFAULT 0,
            pages TEXT,
            metadata TEXT,
            error TEXT,
            error_transient INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_items_content_hash ON items(content_hash);
        CREATE INDEX ix_items_canonical_url ON items(canonical_url);
        CREATE INDEX ix_items_collected_at ON items(collected_at);
        CREATE INDEX ix_items_failed ON items(error) WHERE error IS NOT NULL;

        CREATE TABLE item_tags (
            item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            origin TEXT NOT NULL,
            confidence REAL NOT NULL,
            PRIMARY KEY (item_rowid, tag)
        ) WITHOUT ROWID;
        CREATE INDEX ix_item_tags_tag ON item_tags(tag);

        CREATE TABLE snapshots (
            item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            hash TEXT NOT NULL,
            media_type TEXT NOT NULL,
            byte_size INTEGER NOT NULL,
            taken_at TEXT NOT NULL,
            origin TEXT,
            PRIMARY KEY (item_rowid, hash)
        ) WITHOUT ROWID;
        CREATE INDEX ix_snapshots_hash ON snapshots(hash);

        CREATE TABLE jobs (
            item_rowid INTEGER PRIMARY KEY REFERENCES items(rowid) ON DELETE CASCADE,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            transient INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_jobs_due ON jobs(state, next_attempt_at);

        CREATE VIRTUAL TABLE search_fts USING fts5(
            title, body, tags,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """,
    ];
}
