namespace Strata.Storage.Sqlite;

internal static partial class SqliteSchema
{
    /// <summary>
    /// Items whose fingerprint still has to be compared (near-duplicate folding) are listed in a table of their own,
    /// filled by triggers when a fingerprint is set or changes. Marking them checked in <c>items</c> rewrote each whole
    /// row, text and all (~9 KB of write-ahead log per document: 2.7 s of a 24 s, 20,000-document ingest).
    /// </summary>
    internal const string DuplicatePending = """
        CREATE TABLE dup_pending (item_rowid INTEGER PRIMARY KEY REFERENCES items(rowid) ON DELETE CASCADE);
        INSERT INTO dup_pending (item_rowid) SELECT rowid FROM items WHERE dup_checked = 0 AND simhash IS NOT NULL;
        DROP INDEX ix_items_dup_unchecked;
        CREATE INDEX ix_items_dup_unfolded ON items(rowid) WHERE dup_unfolded <> 0;
        CREATE TRIGGER tr_items_simhash_insert AFTER INSERT ON items WHEN NEW.simhash IS NOT NULL
        BEGIN
            INSERT OR IGNORE INTO dup_pending (item_rowid) VALUES (NEW.rowid);
        END;
        CREATE TRIGGER tr_items_simhash_update AFTER UPDATE OF simhash ON items
            WHEN NEW.simhash IS NOT NULL AND NEW.simhash IS NOT OLD.simhash
        BEGIN
            INSERT OR IGNORE INTO dup_pending (item_rowid) VALUES (NEW.rowid);
        END;
        """;
}
