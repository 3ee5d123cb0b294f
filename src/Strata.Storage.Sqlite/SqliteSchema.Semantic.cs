namespace Strata.Storage.Sqlite;

internal static partial class SqliteSchema
{
    /// <summary>Passages of items (written at index time) and embeddings cached by passage hash and model.</summary>
    internal const string Semantic = """
        CREATE TABLE chunks (
            item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            start INTEGER NOT NULL,
            length INTEGER NOT NULL,
            page INTEGER,
            token_count INTEGER NOT NULL,
            hash TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (item_rowid, ordinal)
        ) WITHOUT ROWID;
        CREATE INDEX ix_chunks_hash ON chunks(hash);

        CREATE TABLE embeddings (
            hash TEXT NOT NULL,
            model TEXT NOT NULL,
            dimensions INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (model, hash)
        ) WITHOUT ROWID;
        """;
}
