namespace Strata.Storage.Postgres;

internal static partial class PostgresSchema
{
    /// <summary>Passages of items and embeddings cached by passage hash and model (float32 little-endian bytes, as on SQLite).</summary>
    private const string Semantic = """
        CREATE TABLE chunks (
            item_rowid bigint NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
            ordinal integer NOT NULL,
            start integer NOT NULL,
            length integer NOT NULL,
            page integer,
            token_count integer NOT NULL,
            hash text NOT NULL,
            text text NOT NULL,
            PRIMARY KEY (item_rowid, ordinal)
        );
        CREATE INDEX ix_chunks_hash ON chunks(hash);

        CREATE TABLE embeddings (
            hash text NOT NULL,
            model text NOT NULL,
            dimensions integer NOT NULL,
            vector bytea NOT NULL,
            PRIMARY KEY (model, hash)
        );
        """;
}
