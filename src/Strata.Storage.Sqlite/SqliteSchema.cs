namespace Strata.Storage.Sqlite;

/// <summary>Versioned migrations; entry <c>i</c> takes <c>PRAGMA user_version</c> from i to i + 1. Append only.</summary>
internal static partial class SqliteSchema
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
        """
        ALTER TABLE items ADD COLUMN category TEXT;

        CREATE TABLE sources (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            target TEXT NOT NULL,
            name TEXT,
            schedule TEXT NOT NULL,
            tags TEXT,
            category TEXT,
            settings TEXT,
            paused INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            next_run_at TEXT,
            last_run_at TEXT,
            last_success_at TEXT,
            last_error TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            items_collected INTEGER NOT NULL DEFAULT 0,
            cursor TEXT
        );
        CREATE UNIQUE INDEX ix_sources_type_target ON sources(type, target);

        CREATE TABLE source_runs (
            rowid INTEGER PRIMARY KEY,
            source_rowid INTEGER NOT NULL REFERENCES sources(rowid) ON DELETE CASCADE,
            started_at TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            new INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            unchanged INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            error TEXT
        );
        CREATE INDEX ix_source_runs_source ON source_runs(source_rowid, started_at);

        CREATE TABLE provenance (
            item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            external_id TEXT NOT NULL,
            source_id TEXT,
            url TEXT,
            fingerprint TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (item_rowid, external_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_provenance_external ON provenance(external_id);
        CREATE INDEX ix_provenance_source ON provenance(source_id);
        """,
        Enrich,
        Structure,
        Semantic,
        Summaries,
        Web,
        Memory,
        Ranking,
        RankingCommonGrams,
        Fts5Retirement,
        DuplicatePending,
    ];
}
