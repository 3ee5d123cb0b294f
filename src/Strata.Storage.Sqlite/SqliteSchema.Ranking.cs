namespace Strata.Storage.Sqlite;

internal static partial class SqliteSchema
{
    /// <summary>
    /// The ranked keyword index beside FTS5 (see <c>Ranking/RankedIndex</c>): immutable segments of per-term
    /// postings (counts in <c>data</c>, word positions apart in <c>positions</c>, read only for phrases) found through a small (segment, term) index (a batch appends at its end; kept out of a WITHOUT ROWID
    /// table on purpose: SQLite compares index keys by reading whole records, megabytes for a common word), each document's length and current
    /// segment (postings from any other segment are stale), and a change counter for readers to catch up from.
    /// A base that already has items is marked incomplete until <c>strata reindex</c> fills it; FTS5 answers until then.
    /// </summary>
    internal const string Ranking = """
        CREATE TABLE search_segments (
            id INTEGER PRIMARY KEY,
            level INTEGER NOT NULL,
            documents INTEGER NOT NULL
        );

        CREATE TABLE search_postings (
            id INTEGER PRIMARY KEY,
            segment INTEGER NOT NULL,
            term TEXT NOT NULL,
            data BLOB NOT NULL,
            positions BLOB NOT NULL
        );
        CREATE UNIQUE INDEX ix_search_postings ON search_postings(segment, term);

        CREATE TABLE search_documents (
            rowid INTEGER PRIMARY KEY,
            length INTEGER NOT NULL,
            segment INTEGER NOT NULL,
            changed INTEGER NOT NULL
        );
        CREATE INDEX ix_search_documents_changed ON search_documents(changed);
        CREATE INDEX ix_search_documents_segment ON search_documents(segment);

        INSERT INTO settings (key, value) SELECT 'search.keyword_index', 'complete' WHERE NOT EXISTS (SELECT 1 FROM items);
        """;

    /// <summary>
    /// The ranked index's format changed (common grams; common words without positions): an empty base is complete in
    /// the new format; a base with items keeps the old marker, which no longer counts as complete, so FTS5 answers
    /// until <c>strata reindex</c> (or the daemon, once) rebuilds it.
    /// </summary>
    internal const string RankingCommonGrams = """
        UPDATE settings SET value = 'common-grams-1' WHERE key = 'search.keyword_index' AND NOT EXISTS (SELECT 1 FROM items);
        """;
}
