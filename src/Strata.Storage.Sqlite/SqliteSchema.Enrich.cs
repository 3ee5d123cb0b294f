namespace Strata.Storage.Sqlite;

internal static partial class SqliteSchema
{
    /// <summary>Classification and structure: rules, the review inbox, keywords, near-duplicates, references, models.</summary>
    private const string Enrich =
        """
        ALTER TABLE items ADD COLUMN category_origin TEXT;
        ALTER TABLE items ADD COLUMN category_confidence REAL;
        ALTER TABLE items ADD COLUMN keywords TEXT;
        ALTER TABLE items ADD COLUMN simhash INTEGER;
        ALTER TABLE items ADD COLUMN duplicate_of INTEGER REFERENCES items(rowid) ON DELETE SET NULL;
        ALTER TABLE items ADD COLUMN dup_checked INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX ix_items_duplicate_of ON items(duplicate_of) WHERE duplicate_of IS NOT NULL;
        CREATE INDEX ix_items_dup_unchecked ON items(rowid) WHERE dup_checked = 0 AND simhash IS NOT NULL;

        CREATE TABLE simhash_bands (
            band INTEGER NOT NULL,
            value INTEGER NOT NULL,
            item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            PRIMARY KEY (band, value, item_rowid)
        ) WITHOUT ROWID;
        CREATE INDEX ix_simhash_bands_item ON simhash_bands(item_rowid);

        CREATE TABLE tag_suggestions (
            item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            origin TEXT NOT NULL,
            confidence REAL NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending',
            created_at TEXT NOT NULL,
            PRIMARY KEY (item_rowid, tag)
        ) WITHOUT ROWID;
        CREATE INDEX ix_tag_suggestions_state ON tag_suggestions(state, confidence);

        CREATE TABLE rules (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT,
            definition TEXT NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );

        CREATE TABLE item_references (
            item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (item_rowid, kind, value)
        ) WITHOUT ROWID;
        CREATE INDEX ix_item_references_value ON item_references(kind, value);

        CREATE TABLE term_df (
            term TEXT PRIMARY KEY,
            df INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE models (
            name TEXT PRIMARY KEY,
            trained_at TEXT NOT NULL,
            labels_version INTEGER NOT NULL,
            data BLOB NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE categories (
            name TEXT PRIMARY KEY,
            description TEXT,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """;
}
